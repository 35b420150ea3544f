package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Metrics;

/**
 * Acts on a deadline delivered by the expiry queue, at most once in effect: the same deadline
 * delivered again finds its command final. A deadline that arrives early is put back.
 */
@Stateless
public class Expiry {

    private static final Logger LOG = Logger.getLogger(Expiry.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Commands commands;

    @Inject
    ExpiryScheduler scheduler;

    @Inject
    Metrics metrics;

    public void commandTimedOut(String commandId) {
        Command command = em.find(Command.class, commandId);
        if (command == null || command.state().isFinal()) {
            return;
        }
        em.refresh(command, LockModeType.PESSIMISTIC_WRITE);
        if (command.state().isFinal()) {
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(command.timeoutAt())) {
            scheduler.commandTimeout(commandId, command.timeoutAt());
            return;
        }
        command.expire(now);
        commands.finished(command, null);
        metrics.expiryLag(Duration.between(command.timeoutAt(), now));
        LOG.info("Command " + commandId + " EXPIRED, " + Duration.between(command.timeoutAt(), now).toMillis()
                + " ms after its timeout");
    }

    public void lifespanEnded(String mid) {
        MailboxMessage message = em.find(MailboxMessage.class, mid);
        if (message == null) {
            return;
        }
        Instant now = Instant.now();
        if (message.state() == MailboxMessage.State.PENDING && now.isBefore(message.expiresAt())) {
            scheduler.messageLifespan(mid, message.expiresAt());
            return;
        }
        if (message.expire(now)) {
            LOG.fine("Message " + mid + " of command " + message.commandId() + " reached its lifespan");
        }
    }
}
