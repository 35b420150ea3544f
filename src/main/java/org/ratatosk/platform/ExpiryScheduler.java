package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Puts a persistent message with a delivery delay on the expiry queue for each deadline: the broker
 * keeps it across restarts and wakes the expiry on time. Other deadlines are sent inside the
 * caller's transaction. A command's timeout and a message's lifespan are sent at once, outside it,
 * before it commits, so it commits on the database alone: the message is durable before the command
 * is, a submission is still refused when the broker cannot take it, and a message left by a
 * submission that was then rolled back finds nothing to expire. For command timeouts the database
 * stays the record (messaging's {@code ExpirySweep}).
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

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void commandTimeout(String commandId, Instant due) {
        schedule(COMMAND_TIMEOUT, commandId, due);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
