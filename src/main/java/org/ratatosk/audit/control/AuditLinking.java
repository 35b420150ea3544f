package org.ratatosk.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links recorded changes soon after their transaction commits. A pass starts a moment after the
 * first request, so a burst of changes is linked in one short transaction rather than one each,
 * and requests that arrive while a pass runs are folded into the next pass: one node runs at most
 * one linking task at a time. Reading the trail links what is pending first, so the delay never
 * shows.
 */
@ApplicationScoped
public class AuditLinking {

    private static final Logger LOG = Logger.getLogger(AuditLinking.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** How long a pass waits for more changes before it links. */
    static final long DELAY_MILLIS = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditLinker linker;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    /** Asks for a linking pass once the current transaction has committed. */
    public void afterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    request();
                }
            }
        });
    }

    void request() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            scheduler.schedule(this::drain, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                linker.linkAll();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Linking the audit chain failed; the next change retries it", e);
        } finally {
            running.set(false);
        }
        if (requested.get() && running.compareAndSet(false, true)) {
            scheduler.schedule(this::drain, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
