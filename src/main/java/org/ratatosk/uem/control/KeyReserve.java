package org.ratatosk.uem.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-generated key pairs of one type, with whatever is prepared along with each, so a request
 * does not wait for RSA key generation. One background task at a time tops the reserve up; the
 * pairs exist only in this JVM's memory.
 * When the reserve is empty the caller generates its own pair rather than wait.
 * <p>
 * Generating a pair keeps a core busy for as long as many requests take, so the refill waits
 * until no pair was taken for a quiet period: a burst is served from the reserve without the
 * refill competing with it, and the reserve is full again before the next one. Under steady
 * demand the refill waits at most {@code maxDeferral} for each pair.
 */
public final class KeyReserve<T> {

    private static final Logger LOG = Logger.getLogger(KeyReserve.class.getName());

    private final String name;
    private final IntSupplier capacity;
    private final Supplier<T> generator;
    private final Executor executor;
    private final ConcurrentLinkedQueue<T> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean filling = new AtomicBoolean();
    private final long quietNanos;
    private final long maxDeferralNanos;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final AtomicLong lastTake;
    private volatile boolean closed;

    /** Pauses the refill; {@link Thread#sleep(long)} outside tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** A reserve that refills as soon as a pair is taken. */
    public KeyReserve(String name, int capacity, Supplier<T> generator, Executor executor) {
        this(name, capacity, generator, executor, Duration.ZERO, Duration.ZERO, System::nanoTime, Thread::sleep);
    }

    public KeyReserve(String name, int capacity, Supplier<T> generator, Executor executor,
                      Duration quiet, Duration maxDeferral, LongSupplier nanoClock, Sleeper sleeper) {
        this(name, () -> capacity, generator, executor, quiet, maxDeferral, nanoClock, sleeper);
    }

    /** A reserve whose capacity is read on each refill, so that a changed setting applies without a restart. */
    public KeyReserve(String name, IntSupplier capacity, Supplier<T> generator, Executor executor,
                      Duration quiet, Duration maxDeferral, LongSupplier nanoClock, Sleeper sleeper) {
        this.name = name;
        this.capacity = capacity;
        this.generator = generator;
        this.executor = executor;
        this.quietNanos = quiet.toNanos();
        this.maxDeferralNanos = maxDeferral.toNanos();
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.lastTake = new AtomicLong(nanoClock.getAsLong() - quietNanos);
    }

    public T take() {
        lastTake.set(nanoClock.getAsLong());
        T pair = ready.poll();
        if (pair != null) {
            size.decrementAndGet();
        }
        refill();
        return pair != null ? pair : generator.get();
    }

    public int available() {
        return size.get();
    }

    public int capacity() {
        return capacity.getAsInt();
    }

    public void refill() {
        int limit = capacity();
        if (closed || limit <= 0 || size.get() >= limit || !filling.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::fill);
        } catch (RejectedExecutionException e) {
            filling.set(false);
            LOG.warning("Key reserve " + name + " cannot refill now: " + e.getMessage());
        }
    }

    private void fill() {
        try {
            while (!closed && size.get() < capacity()) {
                awaitQuiet();
                if (closed) {
                    return;
                }
                ready.add(generator.get());
                size.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key reserve " + name + " stopped refilling", e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            filling.set(false);
        }
        // a take() between the last size check and clearing the flag found the task still running
        if (size.get() < capacity()) {
            refill();
        }
    }

    /** Returns once no pair was taken for the quiet period, or the refill has deferred for long enough. */
    private void awaitQuiet() throws InterruptedException {
        long since = nanoClock.getAsLong();
        while (!closed) {
            long now = nanoClock.getAsLong();
            long quietFor = now - lastTake.get();
            long deferred = now - since;
            if (quietFor >= quietNanos || deferred >= maxDeferralNanos) {
                return;
            }
            long pause = Math.min(quietNanos - quietFor, maxDeferralNanos - deferred);
            sleeper.sleep(Math.max(1, Duration.ofNanos(pause).toMillis()));
        }
    }

    /** Drops the pairs held, so no key outlives the application. */
    public void close() {
        closed = true;
        ready.clear();
        size.set(0);
    }
}
