package org.ratatosk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a message once the current transaction has committed, outside it, from the managed
 * executor. For messages whose database row is the record, and which a sweep sends again when a
 * crash or an unreachable broker lost them: the transaction then commits in one phase, on the
 * database alone, instead of a distributed commit with the broker and the transaction log it writes.
 */
@ApplicationScoped
public class SendAfterCommit {

    private static final Logger LOG = Logger.getLogger(SendAfterCommit.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ConnectionFactory connectionFactory;

    @Inject
    AfterCommit afterCommit;

    @Inject
    BrokerGate gate;

    /** Has {@code send} run after the commit; {@code what} names the message in the log when it fails. */
    public void send(String what, Consumer<JMSContext> send) {
        afterCommit.run(() -> {
            try {
                executor.execute(() -> {
                    try {
                        now(send);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not queue " + what + "; the sweep queues it again", e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not arrange to queue " + what + "; the sweep queues it again", e);
            }
        });
    }

    /**
     * Runs {@code send} at once on a context of its own, outside any transaction of the caller's
     * thread (an executor's thread has none). Refused at once while the broker is known to be
     * unreachable.
     */
    public void now(Consumer<JMSContext> send) {
        gate.send(() -> {
            try (JMSContext context = connectionFactory.createContext()) {
                send.accept(context);
            }
            return null;
        });
    }
}
