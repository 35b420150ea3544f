package org.ratatosk.callbacks.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.CommandFinished;
import org.ratatosk.messaging.control.CommandsFinished;
import org.ratatosk.platform.SendAfterCommit;

/**
 * Opens a delivery when a command finishes and queues its attempts. The delivery is written in the
 * caller's transaction, so a callback is durable exactly when the final state is, and never sent
 * for a state that was rolled back; its attempts are queued once that transaction has committed,
 * outside it, as the delivery row is their record. Commands finished together (a backlog of
 * expiries) have their first attempts queued together, a message for many commands, so each costs
 * neither a message nor a transaction of its own.
 * <p>
 * Each queued attempt names how many attempts came before it, so a duplicate of an attempt that
 * already ran is dropped. The delivery row says when the next attempt is due; an attempt the broker
 * lost (a crash or an unreachable broker after the database's commit, a broker late with a delayed
 * message) is queued again from there by {@link #requeueOverdue}.
 */
@Stateless
public class CallbackScheduler {

    /** The message property with the number of attempts made before the queued one. */
    public static final String ATTEMPTS_BEFORE = "attemptsBefore";

    /** The message property of a message that names several commands, each due for its first attempt. */
    public static final String FIRST_ATTEMPTS = "firstAttempts";

    /** At most this many commands to a message of first attempts, so that its transaction stays short. */
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(CallbackScheduler.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    SendAfterCommit sends;

    @Resource(lookup = CallbackDestinations.QUEUE)
    Queue queue;

    public void onFinished(@Observes CommandFinished finished) {
        Instant now = clock.instant();
        if (open(finished, now)) {
            attemptAt(finished.commandId(), 0, now);
        }
    }

    /**
     * As {@link #onFinished} for each command of a batch, with one look-up of each client, but the
     * first attempts go out together: one message names up to {@value #BATCH} commands, whose
     * deliveries are attempted in one transaction ({@link CallbackDeliveries#attemptAll}).
     */
    public void onFinishedTogether(@Observes CommandsFinished finished) {
        Instant now = clock.instant();
        List<String> opened = new ArrayList<>();
        for (CommandFinished command : finished.commands()) {
            if (open(command, now)) {
                opened.add(command.commandId());
            }
        }
        if (opened.size() == 1) {
            attemptAt(opened.get(0), 0, now);
        } else {
            for (int from = 0; from < opened.size(); from += BATCH) {
                sendFirstAttempts(opened.subList(from, Math.min(opened.size(), from + BATCH)));
            }
        }
    }

    /** Opens the command's delivery, and queues its first attempt; false when its client has no callback URL. */
    private boolean open(CommandFinished finished, Instant now) {
        ApiClient client = em.find(ApiClient.class, finished.clientId());
        if (client == null || client.callbackUrl() == null) {
            return false;
        }
        em.persist(new CallbackDelivery(finished.commandId(), UUID.randomUUID().toString(), now));
        LOG.fine("Command " + finished.commandId() + ": callback queued");
        return true;
    }

    /** The commands named by a message of first attempts. */
    public static List<String> commandIds(String body) {
        return List.of(body.split(" "));
    }

    /** Queues the attempt that follows {@code attemptsBefore} failed ones, due at {@code due}. */
    public void attemptAt(String commandId, int attemptsBefore, Instant due) {
        send(commandId, attemptsBefore, Math.max(0, Duration.between(clock.instant(), due).toMillis()));
    }

    /**
     * Queues again, for now, at most {@code max} pending attempts that were due at
     * {@code dueBefore} or earlier, the longest overdue first, and marks each as due now, so the
     * next sweep leaves it alone for as long again. An attempt that ran meanwhile is left alone;
     * a copy of one the broker still holds is dropped when it arrives second. Returns how many
     * were queued.
     */
    public int requeueOverdue(Instant dueBefore, int max) {
        List<Object[]> overdue = em.createQuery("SELECT d.commandId, d.attempts FROM CallbackDelivery d"
                        + " WHERE d.state = :pending AND d.nextAttemptAt <= :before ORDER BY d.nextAttemptAt", Object[].class)
                .setParameter("pending", CallbackDelivery.State.PENDING)
                .setParameter("before", dueBefore)
                .setMaxResults(max)
                .getResultList();
        Instant now = clock.instant();
        int queued = 0;
        for (Object[] row : overdue) {
            String commandId = (String) row[0];
            int attemptsBefore = ((Number) row[1]).intValue();
            int marked = em.createQuery("UPDATE CallbackDelivery d SET d.nextAttemptAt = :now, d.version = d.version + 1"
                            + " WHERE d.commandId = :id AND d.attempts = :attempts AND d.state = :pending")
                    .setParameter("now", now)
                    .setParameter("id", commandId)
                    .setParameter("attempts", attemptsBefore)
                    .setParameter("pending", CallbackDelivery.State.PENDING)
                    .executeUpdate();
            if (marked == 1) {
                send(commandId, attemptsBefore, 0);
                queued++;
            }
        }
        if (queued > 0) {
            LOG.info(queued + " overdue callback attempt(s) queued again");
        }
        return queued;
    }

    private void sendFirstAttempts(List<String> commandIds) {
        sends.send("the first callback attempts of " + commandIds.size() + " command(s), the first " + commandIds.get(0),
                jms -> jms.createProducer()
                        .setDeliveryMode(DeliveryMode.PERSISTENT)
                        .setProperty(FIRST_ATTEMPTS, true)
                        .send(queue, String.join(" ", commandIds)));
    }

    private void send(String commandId, int attemptsBefore, long delay) {
        sends.send("callback attempt " + (attemptsBefore + 1) + " of command " + commandId, jms -> jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(delay)
                .setProperty(ATTEMPTS_BEFORE, attemptsBefore)
                .send(queue, commandId));
    }
}
