package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Metrics;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;

/** Reading and cancelling commands, and the bookkeeping every final state shares. */
@Stateless
public class Commands {

    private static final Logger LOG = Logger.getLogger(Commands.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Envelopes envelopes;

    @Inject
    Event<CommandFinished> finishedEvent;

    @Inject
    Event<CommandsFinished> finishedTogetherEvent;

    @Inject
    @Any
    Instance<EnvelopeSection> sections;

    @Inject
    Metrics metrics;

    @Inject
    AuditTrail audit;

    /**
     * Reads only: called from a request it runs without a transaction of its own, as a commit
     * (with the flush and enlistment before it) would cost more than the reads.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JsonObject envelope(ApiClient client, String commandId) {
        return envelope(owned(client, commandId, LockModeType.NONE));
    }

    /** The envelope of a command whose owner was already checked; empty when it is gone. */
    public java.util.Optional<JsonObject> envelopeOf(String commandId) {
        Command command = em.find(Command.class, commandId);
        return command == null ? java.util.Optional.empty() : java.util.Optional.of(envelope(command));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JsonArray byExternalId(ApiClient client, String externalId) {
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        em.createQuery("SELECT c FROM Command c WHERE c.clientId = :client AND c.externalId = :external"
                        + " ORDER BY c.createdAt", Command.class)
                .setParameter("client", client.clientId())
                .setParameter("external", externalId)
                .getResultList().forEach(c -> all.add(envelope(c)));
        return all.build();
    }

    /**
     * For the operator: the newest commands of every client, each envelope with its
     * {@code clientId}, optionally only of one state and one type.
     */
    /**
     * Commands across clients, newest first (ties by id), {@code limit} after the cursor's command:
     * keyset pagination, so commands submitted meanwhile do not shift the pages that follow.
     */
    public Page recent(CommandFilter filter, String after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = filter.conditions(parameters);
        List<String> cursor = Cursor.decode(after, 2);
        if (cursor != null) {
            Instant createdAt;
            try {
                createdAt = Instant.parse(cursor.get(0));
            } catch (DateTimeParseException e) {
                throw InvalidInput.field("after is not a cursor this list handed out");
            }
            conditions.add("(c.createdAt < :afterCreated OR (c.createdAt = :afterCreated AND c.id > :afterId))");
            parameters.put("afterCreated", createdAt);
            parameters.put("afterId", cursor.get(1));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var query = em.createQuery("SELECT c FROM Command c" + where + " ORDER BY c.createdAt DESC, c.id", Command.class)
                .setMaxResults(limit + 1);
        parameters.forEach(query::setParameter);
        List<Command> found = query.getResultList();
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(c -> all.add(Jsons.createObjectBuilder(envelope(c)).add("clientId", c.clientId())));
        Command last = found.size() > limit ? found.get(limit - 1) : null;
        return new Page(all.build(), last == null ? null : Cursor.encode(last.createdAt().toString(), last.id()));
    }

    public JsonObject cancel(ApiClient client, String commandId) {
        Command command = owned(client, commandId, LockModeType.PESSIMISTIC_WRITE);
        if (command.state().isFinal()) {
            throw new Conflict(ErrorCode.ALREADY_FINAL, "Command " + commandId + " is already " + command.state());
        }
        command.cancel(clock.instant());
        finished(command, null);
        LOG.info("Command " + commandId + " cancelled by " + client.clientId());
        return envelope(command);
    }

    public JsonObject envelope(Command command) {
        Map<String, JsonValue> extra = new LinkedHashMap<>();
        for (EnvelopeSection section : sections) {
            section.render(command).ifPresent(value -> extra.put(section.key(), value));
        }
        return envelopes.render(command, messages(command.id()), bid -> em.find(Mailbox.class, bid), extra);
    }

    /** The envelope without the sections of other components: what a callback delivers. */
    public JsonObject finalEnvelope(Command command) {
        return envelopes.render(command, messages(command.id()), bid -> em.find(Mailbox.class, bid), Map.of());
    }

    /**
     * {@link #finalEnvelope} of many commands, by command id, with one query for all their messages
     * and one for their mailboxes rather than a round of them per command.
     */
    public Map<String, JsonObject> finalEnvelopes(List<Command> finals) {
        Map<String, JsonObject> rendered = new HashMap<>();
        if (finals.isEmpty()) {
            return rendered;
        }
        List<String> ids = finals.stream().map(Command::id).toList();
        Map<String, List<MailboxMessage>> byCommand = new HashMap<>();
        for (MailboxMessage message : em.createQuery("SELECT m FROM MailboxMessage m WHERE m.commandId IN :ids"
                        + " ORDER BY m.commandId, m.position", MailboxMessage.class)
                .setParameter("ids", ids).getResultList()) {
            byCommand.computeIfAbsent(message.commandId(), id -> new ArrayList<>()).add(message);
        }
        List<String> bids = byCommand.values().stream().flatMap(List::stream).map(MailboxMessage::bid).distinct().toList();
        Map<String, Mailbox> mailboxes = new HashMap<>();
        if (!bids.isEmpty()) {
            em.createQuery("SELECT b FROM Mailbox b WHERE b.bid IN :bids", Mailbox.class).setParameter("bids", bids)
                    .getResultList().forEach(mailbox -> mailboxes.put(mailbox.bid(), mailbox));
        }
        for (Command command : finals) {
            rendered.put(command.id(), envelopes.render(command, byCommand.getOrDefault(command.id(), List.of()),
                    bid -> mailboxes.computeIfAbsent(bid, missing -> em.find(Mailbox.class, missing)), Map.of()));
        }
        return rendered;
    }

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

    public List<MailboxMessage> messages(String commandId) {
        return em.createQuery("SELECT m FROM MailboxMessage m WHERE m.commandId = :command ORDER BY m.position",
                        MailboxMessage.class)
                .setParameter("command", commandId)
                .getResultList();
    }

    /** After a final state: no message of the command can be fetched, and unused mailboxes close. */
    private void closeOut(Command command) {
        for (MailboxMessage message : messages(command.id())) {
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

    Command owned(ApiClient client, String commandId, LockModeType lock) {
        Command command = em.find(Command.class, commandId, lock);
        if (command == null || !command.clientId().equals(client.clientId())) {
            throw new NotFound("Command " + commandId);
        }
        return command;
    }
}
