package org.ratatosk.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Links recorded changes soon after their transaction commits. Requests that arrive while a pass
 * runs are folded into the next pass, so one node runs at most one linking task at a time.
 */
@ApplicationScoped
public class AuditLinking {

    private static final Logger LOG = Logger.getLogger(AuditLinking.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

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
            executor.execute(this::drain);
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
            executor.execute(this::drain);
        }
    }
}
