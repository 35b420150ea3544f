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
 * after a start (the backlog of an outage), whenever a timeout message arrives, and periodically,
 * which covers a timeout message the broker lost. One drain runs at a time on a node; a request
 * while one runs makes it go round once more, so the many timeout messages of a backlog cost
 * nothing but that flag.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpirySweep {

    static final int BATCH = 500;
    static final Duration PERIOD = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Expiry expiry;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean closed;
    private ScheduledFuture<?> sweeps;

    @PostConstruct
    void start() {
        sweeps = executor.scheduleWithFixedDelay(this::drain, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
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
