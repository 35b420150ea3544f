package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Metrics;

/**
 * The bookkeeping every final state shares, whoever made it final: a cancelling client, an
 * answering device or the expiry. One place, so that the messages withdrawn, the mailboxes closed,
 * the audit record and the event that follows never differ between the ways a command ends.
 */
@Stateless
public class CommandEndings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CommandFinished> finishedEvent;

    @Inject
    Event<CommandsFinished> finishedTogetherEvent;

    @Inject
    Metrics metrics;

    @Inject
    AuditTrail audit;

    /**
     * Every final state passes through here, inside the transaction that made it final: the
     * command's messages are withdrawn and {@link CommandFinished} is fired.
     */
    public void finished(Command command, String answeredProfileId) {
        if (!command.state().isFinal()) {
            throw new IllegalStateException("Command " + command.id() + " is not final");
        }
        closeOut(command);
        metrics.commandFinished(command.type().name(), command.state().name());
        audit.record(finalActor(command), "command", command.id(), command.state().name(), auditDetail(command));
        finishedEvent.fire(new CommandFinished(command.id(), command.clientId(), command.type(), command.state(),
                answeredProfileId));
    }

    /**
     * {@link #finished} for many commands made final in the caller's transaction, with their
     * messages and mailboxes closed out by one statement each, their audit records written
     * together and one {@link CommandsFinished} fired for all of them. The persistence context must not hold those messages or mailboxes: the statements
     * go past it.
     */
    public void finishedAll(List<Command> finals, Instant now) {
        if (finals.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> unusedPermanent = new ArrayList<>();
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Command command : finals) {
            if (!command.state().isFinal()) {
                throw new IllegalStateException("Command " + command.id() + " is not final");
            }
            ids.add(command.id());
            if (command.newMailboxId() != null && command.state() != CommandState.COMPLETED) {
                unusedPermanent.add(command.newMailboxId());
            }
            changes.add(new AuditTrail.Change(finalActor(command), "command", command.id(), command.state().name(),
                    auditDetail(command)));
        }
        closeOutAll(ids, unusedPermanent);
        audit.recordAll(changes, now);
        List<CommandFinished> events = new ArrayList<>();
        for (Command command : finals) {
            metrics.commandFinished(command.type().name(), command.state().name());
            events.add(new CommandFinished(command.id(), command.clientId(), command.type(), command.state(), null));
        }
        finishedTogetherEvent.fire(new CommandsFinished(events));
    }

    private void closeOutAll(List<String> commandIds, List<String> unusedPermanent) {
        em.createQuery("UPDATE Mailbox b SET b.state = :closed WHERE b.temporary = true"
                        + " AND b.bid IN (SELECT m.bid FROM MailboxMessage m WHERE m.commandId IN :ids)")
                .setParameter("closed", Mailbox.State.CLOSED)
                .setParameter("ids", commandIds)
                .executeUpdate();
        em.createQuery("UPDATE MailboxMessage m SET m.state = :withdrawn WHERE m.commandId IN :ids AND m.state = :pending")
                .setParameter("withdrawn", MailboxMessage.State.WITHDRAWN)
                .setParameter("pending", MailboxMessage.State.PENDING)
                .setParameter("ids", commandIds)
                .executeUpdate();
        if (!unusedPermanent.isEmpty()) {
            em.createQuery("UPDATE Mailbox b SET b.state = :closed WHERE b.bid IN :bids AND b.state = :pending")
                    .setParameter("closed", Mailbox.State.CLOSED)
                    .setParameter("pending", Mailbox.State.PENDING)
                    .setParameter("bids", unusedPermanent)
                    .executeUpdate();
        }
    }

    private static JsonObject auditDetail(Command command) {
        var detail = Jsons.createObjectBuilder().add("type", command.type().name());
        if (command.errorCode() != null) {
            detail.add("errorCode", command.errorCode());
        }
        return detail.build();
    }

    /** After a final state: no message of the command can be fetched, and unused mailboxes close. */
    private void closeOut(Command command) {
        for (MailboxMessage message : Commands.messages(em, command.id())) {
            message.withdraw();
            Mailbox mailbox = em.find(Mailbox.class, message.bid());
            if (mailbox != null && mailbox.temporary()) {
                mailbox.close();
            }
        }
        if (command.newMailboxId() != null && command.state() != CommandState.COMPLETED) {
            Mailbox permanent = em.find(Mailbox.class, command.newMailboxId());
            if (permanent != null && permanent.state() == Mailbox.State.PENDING) {
                permanent.close();
            }
        }
    }

    /** Who ended the command: its client cancels, a device answers, the server expires. */
    static String finalActor(Command command) {
        return switch (command.state()) {
            case CANCELLED -> command.clientId();
            case COMPLETED, FAILED -> "device:" + command.answeredMid();
            default -> "server";
        };
    }
}
