package org.ratatosk.callbacks.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.callbacks.entity.CallbackDelivery;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.CommandFinished;

/**
 * Opens a delivery when a command finishes and queues its attempts. Both happen in the caller's
 * transaction, so a callback is durable exactly when the final state is, and never sent for a
 * state that was rolled back.
 * <p>
 * Each queued attempt names how many attempts came before it, so a duplicate of an attempt that
 * already ran is dropped, and {@link CallbackWatches} watches each retry, the attempts that wait in
 * the broker for their delivery delay.
 */
@Stateless
public class CallbackScheduler {

    /** The message property with the number of attempts made before the queued one. */
    public static final String ATTEMPTS_BEFORE = "attemptsBefore";

    private static final Logger LOG = Logger.getLogger(CallbackScheduler.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Inject
    CallbackWatches watches;

    @Resource(lookup = CallbackDestinations.QUEUE)
    Queue queue;

    public void onFinished(@Observes CommandFinished finished) {
        ApiClient client = em.find(ApiClient.class, finished.clientId());
        if (client == null || client.callbackUrl() == null) {
            return;
        }
        Instant now = Instant.now();
        em.persist(new CallbackDelivery(finished.commandId(), UUID.randomUUID().toString(), now));
        attemptAt(finished.commandId(), 0, now);
        LOG.fine("Command " + finished.commandId() + ": callback queued");
    }

    /** Queues the attempt that follows {@code attemptsBefore} failed ones, due at {@code due}. */
    public void attemptAt(String commandId, int attemptsBefore, Instant due) {
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        send(commandId, attemptsBefore, delay);
        if (delay > 0) {
            watches.watch(commandId, attemptsBefore, delay);
        }
    }

    /** Queues the attempt after {@code attemptsBefore} failed ones again, for now. */
    public void requeue(String commandId, int attemptsBefore) {
        send(commandId, attemptsBefore, 0);
    }

    private void send(String commandId, int attemptsBefore, long delay) {
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(delay)
                .setProperty(ATTEMPTS_BEFORE, attemptsBefore)
                .send(queue, commandId);
    }
}
