package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandState;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.ExpiryScheduler;
import org.ratatosk.platform.Metrics;

/**
 * Acts on deadlines, at most once in effect: a command or message already final is left alone.
 * Command timeouts are taken from the database, the longest overdue first, many in one
 * transaction ({@link #expireOverdue}), so that a backlog after a restart drains quickly and a
 * deadline whose queued message was lost still expires. A message lifespan that arrives early is
 * put back.
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

    /**
     * Expires at most {@code max} commands whose timeout has passed, in the order of their
     * timeouts, in one transaction of its own; returns how many it looked at, so that fewer than
     * {@code max} means none is left.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireOverdue(int max) {
        Instant now = Instant.now();
        List<String> overdue = em.createQuery("SELECT c.id FROM Command c WHERE c.state = :open AND c.timeoutAt <= :now"
                        + " ORDER BY c.timeoutAt, c.id", String.class)
                .setParameter("open", CommandState.IN_PROGRESS)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        Duration oldest = null;
        int expired = 0;
        for (String commandId : overdue) {
            Command command = em.find(Command.class, commandId, LockModeType.PESSIMISTIC_WRITE);
            if (command == null || !command.expire(now)) {
                continue;
            }
            commands.finished(command, null);
            Duration lag = Duration.between(command.timeoutAt(), now);
            metrics.expiryLag(lag);
            oldest = oldest == null ? lag : oldest;
            expired++;
        }
        if (expired > 0) {
            LOG.info(expired + " command(s) EXPIRED, the longest overdue " + oldest.toMillis() + " ms after its timeout");
        }
        return overdue.size();
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
