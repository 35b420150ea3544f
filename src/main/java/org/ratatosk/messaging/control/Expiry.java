package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    CommandEndings endings;

    @Inject
    ExpiryScheduler scheduler;

    @Inject
    Metrics metrics;

    /**
     * Expires at most {@code max} commands whose timeout has passed, in the order of their
     * timeouts, in one transaction of its own; returns how many it looked at, so that fewer than
     * {@code max} means none is left. The batch is locked with one query and closed out with one
     * statement per table ({@link Commands#finishedAll}): a backlog costs a few statements per
     * batch rather than a round of them per command.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireOverdue(int max) {
        Instant now = clock.instant();
        List<String> overdue = em.createQuery("SELECT c.id FROM Command c WHERE c.state = :open AND c.timeoutAt <= :now"
                        + " ORDER BY c.timeoutAt, c.id", String.class)
                .setParameter("open", CommandState.IN_PROGRESS)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        if (overdue.isEmpty()) {
            return 0;
        }
        // Locked, then checked again: a command answered since the first query stays as it is.
        List<Command> expired = new ArrayList<>();
        for (Command command : em.createQuery("SELECT c FROM Command c WHERE c.id IN :ids ORDER BY c.timeoutAt, c.id",
                        Command.class)
                .setParameter("ids", overdue)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            if (command.expire(now)) {
                expired.add(command);
            }
        }
        endings.finishedAll(expired, now);
        for (Command command : expired) {
            metrics.expiryLag(Duration.between(command.timeoutAt(), now));
        }
        if (!expired.isEmpty()) {
            LOG.info(expired.size() + " command(s) EXPIRED, the longest overdue "
                    + Duration.between(expired.get(0).timeoutAt(), now).toMillis() + " ms after its timeout");
        }
        return overdue.size();
    }

    /**
     * A message's lifespan ended. The message of a command whose own timeout has passed too is
     * left to the sweep, which withdraws it with the rest of its batch: expiring it here as well
     * would only contend with the sweep for the same row while a backlog drains.
     */
    public void lifespanEnded(String mid) {
        MailboxMessage message = em.find(MailboxMessage.class, mid);
        if (message == null) {
            return;
        }
        Instant now = clock.instant();
        if (message.state() != MailboxMessage.State.PENDING) {
            return;
        }
        if (now.isBefore(message.expiresAt())) {
            scheduler.messageLifespan(mid, message.expiresAt());
            return;
        }
        Command command = em.find(Command.class, message.commandId());
        if (command != null && command.state() == CommandState.IN_PROGRESS && !now.isBefore(command.timeoutAt())) {
            return;
        }
        if (message.expire(now)) {
            LOG.fine("Message " + mid + " of command " + message.commandId() + " reached its lifespan");
        }
    }
}
