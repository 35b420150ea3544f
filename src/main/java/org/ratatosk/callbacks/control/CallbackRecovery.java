package org.ratatosk.callbacks.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues again the callback attempts that the database says are due but the broker may not hold:
 * every overdue one right after a start (an attempt in flight when the server died, or one whose
 * message the broker lost in a crash between the two commits), and then, periodically, those
 * still not run well after they were due. Duplicates are dropped by the attempt count they carry.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallbackRecovery {

    static final int BATCH = 200;
    static final Duration PERIOD = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(CallbackRecovery.class.getName());

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    CallbackScheduler scheduler;

    @Inject
    CallbackSettings settings;

    private volatile boolean closed;
    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void start() {
        executor.execute(() -> sweep(clock.instant()));
        sweeps = executor.scheduleWithFixedDelay(() -> sweep(clock.instant().minus(afterDue())),
                PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep(Instant dueBefore) {
        try {
            while (!closed && scheduler.requeueOverdue(dueBefore, BATCH) == BATCH) {
                LOG.fine("More overdue callback attempts to queue");
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "Could not queue overdue callback attempts; the next sweep tries again", e);
            }
        }
    }

    /** An attempt that has started is over by then: the grace plus the longest a POST can take. */
    private Duration afterDue() {
        return settings.overdueGrace().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    @PreDestroy
    void stop() {
        closed = true;
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
