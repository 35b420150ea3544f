package org.ratatosk.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Expires overdue commands from the database in batches, in the order of their timeouts: right
 * after a start (the backlog of an outage), shortly after a timeout message arrives, and
 * periodically, which covers a timeout message the broker lost. One drain runs at a time on a
 * node; a request while one runs makes it go round once more, so the many timeout messages of a
 * backlog cost nothing but that flag. A timeout message does not drain at once but
 * {@value #GATHER_MILLIS} ms later, so that the deadlines falling meanwhile expire in the same
 * transaction: at a steady 170 deadlines a second each otherwise took a transaction, a commit and a
 * callback message of its own.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpirySweep {

    static final int BATCH = 500;
    static final Duration PERIOD = Duration.ofSeconds(5);
    /** How long a timeout message's drain waits for more deadlines to fall. */
    static final long GATHER_MILLIS = 100;
    private static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Expiry expiry;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean gathering = new AtomicBoolean();
    private volatile boolean closed;
    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void start() {
        sweeps = executor.scheduleWithFixedDelay(this::drain, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Has a drain run in {@value #GATHER_MILLIS} ms, unless one is already due to: the deadlines
     * that fall until then expire together. Drains on the caller's thread when nothing can be
     * scheduled.
     */
    public void drainSoon() {
        if (closed || !gathering.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(() -> {
                gathering.set(false);
                drain();
            }, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            gathering.set(false);
            LOG.log(Level.FINE, "Could not schedule a drain; draining now", e);
            drain();
        }
    }

    /** Expires what is overdue on the caller's thread, or has the drain that is running go round once more. */
    public void drain() {
        requested.set(true);
        while (!closed && requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                drainAll();
            } finally {
                running.set(false);
            }
        }
    }

    private void drainAll() {
        int failures = 0;
        while (!closed) {
            try {
                if (expiry.expireOverdue(BATCH) < BATCH) {
                    return;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (++failures >= ATTEMPTS) {
                    LOG.log(Level.WARNING, "Could not expire overdue commands; the next sweep tries again", e);
                    return;
                }
                LOG.log(Level.FINE, "A batch of expiries was rolled back; trying again", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        closed = true;
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
