package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Puts a persistent message with a delivery delay on the expiry queue for each deadline, inside
 * the caller's transaction: the broker keeps it across restarts and wakes the expiry on time. For
 * command timeouts the database stays the record (messaging's {@code ExpirySweep}), so a message lost in a
 * crash between the database's commit and the broker's delays an expiry by one sweep period at most.
 */
@Stateless
public class ExpiryScheduler {

    /** The queue of deadlines; messaging declares it with its other destinations. */
    public static final String QUEUE = "java:app/jms/HermodExpiry";
    public static final String KIND = "kind";
    public static final String COMMAND_TIMEOUT = "command-timeout";
    public static final String MESSAGE_LIFESPAN = "message-lifespan";
    /** The message property with the deadline, in epoch milliseconds. */
    public static final String DUE = "due";

    @Inject
    Clock clock;

    @Inject
    JMSContext jms;

    @Inject
    BrokerGate gate;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void commandTimeout(String commandId, Instant due) {
        schedule(COMMAND_TIMEOUT, commandId, due);
    }

    public void messageLifespan(String mid, Instant due) {
        schedule(MESSAGE_LIFESPAN, mid, due);
    }

    /** A deadline of any kind; kinds other than the messaging ones reach observers of {@link Deadline}. */
    public void schedule(String kind, String id, Instant due) {
        long dueMillis = dueMillis(due);
        gate.send(() -> jms.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(Math.max(0, dueMillis - clock.millis()))
                .setProperty(KIND, kind)
                .setProperty(DUE, dueMillis)
                .send(queue, id));
    }

    /** The first millisecond at which {@code due} has passed: a deadline is never delivered before it. */
    static long dueMillis(Instant due) {
        Instant millis = due.truncatedTo(ChronoUnit.MILLIS);
        return (millis.equals(due) ? millis : millis.plusMillis(1)).toEpochMilli();
    }
}
