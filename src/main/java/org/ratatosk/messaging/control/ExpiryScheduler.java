package org.ratatosk.messaging.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts a persistent message with a delivery delay on the expiry queue for each deadline, inside
 * the caller's transaction: the broker keeps it across restarts and nothing polls the database.
 */
@Stateless
public class ExpiryScheduler {

    public static final String KIND = "kind";
    public static final String COMMAND_TIMEOUT = "command-timeout";
    public static final String MESSAGE_LIFESPAN = "message-lifespan";

    @Inject
    JMSContext jms;

    @Resource(lookup = ExpiryDestinations.EXPIRY_QUEUE)
    Queue queue;

    public void commandTimeout(String commandId, Instant due) {
        schedule(COMMAND_TIMEOUT, commandId, due);
    }

    public void messageLifespan(String mid, Instant due) {
        schedule(MESSAGE_LIFESPAN, mid, due);
    }

    /** A deadline of any kind; kinds other than the messaging ones reach observers of {@link Deadline}. */
    public void schedule(String kind, String id, Instant due) {
        long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
        jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(delay)
                .setProperty(KIND, kind)
                .setProperty("due", due.toEpochMilli())
                .send(queue, id);
    }
}
