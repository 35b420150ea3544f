package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSRuntimeException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Refuses a transactional send at once while the broker is known to be unreachable. A pooled
 * connection to a broker that went away reconnects in the background and hands out sessions all
 * the same; each of their blocking calls then waits for the call timeout, so a submission took
 * seconds to learn what this node had already seen. A failed send or a failed health check closes
 * the gate for {@link #CLOSED_SECONDS} (the Retry-After the clients are given), a later failure
 * keeps it closed, and a health check that reaches the broker opens it again; once the time is
 * up without a check, the next send tries the broker itself.
 */
@ApplicationScoped
public class BrokerGate {

    private static final Logger LOG = Logger.getLogger(BrokerGate.class.getName());
    static final long CLOSED_SECONDS = 5;

    /** {@link System#nanoTime()} until which sends are refused; 0 while open. */
    private volatile long closedUntil;

    /** Runs the send, unless the gate is closed; a failure of the send closes it. */
    public <T> T send(Supplier<T> send) {
        long until = closedUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            throw new JMSRuntimeException("The message broker was unreachable moments ago; not waiting for it again",
                    "MESSAGING_UNAVAILABLE");
        }
        try {
            return send.get();
        } catch (JMSRuntimeException e) {
            unreachable(e.toString());
            throw e;
        }
    }

    /** The broker did not answer: refuse sends for the next few seconds. */
    public void unreachable(String why) {
        boolean wasOpen = closedUntil == 0;
        closedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSED_SECONDS) | 1;
        if (wasOpen) {
            LOG.warning("Message broker unreachable (" + why + "); sends are refused until it answers again");
        }
    }

    /** The broker answered: sends go to it again. */
    public void reachable() {
        if (closedUntil != 0) {
            closedUntil = 0;
            LOG.info("Message broker reachable again; sends go to it");
        }
    }
}
