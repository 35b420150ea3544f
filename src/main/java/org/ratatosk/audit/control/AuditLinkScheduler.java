package org.ratatosk.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.platform.AfterCommit;

/**
 * Links recorded changes soon after their transaction commits. A pass starts a moment after the
 * first request, so a burst of changes is linked in one short transaction rather than one each,
 * and requests that arrive while a pass runs are folded into the next pass: one node runs at most
 * one linking task at a time. Reading the trail links what is pending first, so the delay never
 * shows.
 */
@ApplicationScoped
public class AuditLinkScheduler {

    private static final Logger LOG = Logger.getLogger(AuditLinkScheduler.class.getName());

    @Inject
    AfterCommit afterCommit;

    /** How long a pass waits for more changes before it links. */
    static final long DELAY_MILLIS = 200;

    @Inject
    AuditLinker linker;

    /** The longest the application's shutdown waits for a pass that is linking. */
    static final long CLOSE_WAIT_MILLIS = 10_000;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private final Object passes = new Object();

    /** Asks for a linking pass once the current transaction has committed. */
    public void afterCommit() {
        afterCommit.run(this::request);
    }

    void request() {
        requested.set(true);
        if (!closed && running.compareAndSet(false, true)) {
            passLater();
        }
    }

    private void passLater() {
        try {
            linker.drainLater(DELAY_MILLIS);
        } catch (RuntimeException e) {
            running.set(false);
            LOG.log(Level.WARNING, "Cannot start linking the audit chain; the next change retries it", e);
        }
    }

    /** One pass: links until no more changes were asked for; called by {@link AuditLinker#drainLater}. */
    void drain() {
        try {
            while (!closed && requested.getAndSet(false)) {
                linker.linkAll();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Linking the audit chain failed; the next change retries it", e);
        } finally {
            synchronized (passes) {
                running.set(false);
                passes.notifyAll();
            }
        }
        if (!closed && requested.get() && running.compareAndSet(false, true)) {
            passLater();
        }
    }

    /**
     * Stops linking before the application goes, and waits for a pass that is linking: a pass cut
     * off by the undeployment (Payara removes the beans it calls first) could leave its transaction,
     * and with it the lock on the chain's head, open for the next deployment. What is not linked
     * yet stays recorded and is linked by the next pass on any node.
     */
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        synchronized (passes) {
            while (running.get() && System.nanoTime() < deadline) {
                try {
                    passes.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void destroy() {
        close();
    }
}
