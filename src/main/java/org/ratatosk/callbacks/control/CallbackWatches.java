package org.ratatosk.callbacks.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches queued callback retries in memory: when one is due, plus a grace period, plus the
 * longest a POST can take, the delivery is checked, and a retry that has not run is queued again.
 * The queue stays the durable record; a watch only covers a broker that is late to hand out a
 * delayed message, and watches end with the application.
 */
@ApplicationScoped
public class CallbackWatches {

    private static final Logger LOG = Logger.getLogger(CallbackWatches.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    CallbackDeliveries deliveries;

    @Inject
    CallbackSettings settings;

    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Watches the attempt queued after {@code attemptsBefore} failed ones, due in {@code delayMillis}. */
    public void watch(String commandId, int attemptsBefore, long delayMillis) {
        if (closed) {
            return;
        }
        Future<?>[] self = new Future<?>[1];
        Runnable check = () -> {
            try {
                if (!closed) {
                    deliveries.requeueIfOverdue(commandId, attemptsBefore, afterDue().toMillis());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Command " + commandId + ": could not check callback attempt " + (attemptsBefore + 1), e);
            } finally {
                pending.remove(self[0]);
            }
        };
        self[0] = executor.schedule(check, delayMillis + afterDue().toMillis(), TimeUnit.MILLISECONDS);
        pending.add(self[0]);
    }

    /** An attempt that has started is over by then: the grace plus the longest a POST can take. */
    private Duration afterDue() {
        return settings.overdueGrace().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    @PreDestroy
    void close() {
        closed = true;
        pending.forEach(f -> f.cancel(false));
        pending.clear();
    }
}
