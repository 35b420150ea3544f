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
 */
@Stateless
public class CallbackScheduler {

    private static final Logger LOG = Logger.getLogger(CallbackScheduler.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = CallbackDestinations.QUEUE)
    Queue queue;

    public void onFinished(@Observes CommandFinished finished) {
        ApiClient client = em.find(ApiClient.class, finished.clientId());
        if (client == null || client.callbackUrl() == null) {
            return;
        }
        Instant now = Instant.now();
        em.persist(new CallbackDelivery(finished.commandId(), UUID.randomUUID().toString(), now));
        attemptAt(finished.commandId(), now);
        LOG.fine("Command " + finished.commandId() + ": callback queued");
    }

    public void attemptAt(String commandId, Instant due) {
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(delay)
                .send(queue, commandId);
    }
}
