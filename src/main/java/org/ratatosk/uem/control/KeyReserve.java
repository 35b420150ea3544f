package org.ratatosk.uem.control;

import java.security.KeyPair;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pre-generated key pairs of one type, so a request does not wait for RSA key generation. One
 * background task at a time tops the reserve up; the pairs exist only in this JVM's memory.
 * When the reserve is empty the caller generates its own pair rather than wait.
 */
public final class KeyReserve {

    private static final Logger LOG = Logger.getLogger(KeyReserve.class.getName());

    private final String name;
    private final int capacity;
    private final Supplier<KeyPair> generator;
    private final Executor executor;
    private final ConcurrentLinkedQueue<KeyPair> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean filling = new AtomicBoolean();
    private volatile boolean closed;

    public KeyReserve(String name, int capacity, Supplier<KeyPair> generator, Executor executor) {
        this.name = name;
        this.capacity = capacity;
        this.generator = generator;
        this.executor = executor;
    }

    public KeyPair take() {
        KeyPair pair = ready.poll();
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
        return capacity;
    }

    public void refill() {
        if (closed || capacity <= 0 || size.get() >= capacity || !filling.compareAndSet(false, true)) {
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
            while (!closed && size.get() < capacity) {
                ready.add(generator.get());
                size.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key reserve " + name + " stopped refilling", e);
            return;
        } finally {
            filling.set(false);
        }
        // a take() between the last size check and clearing the flag found the task still running
        if (size.get() < capacity) {
            refill();
        }
    }

    /** Drops the pairs held, so no key outlives the application. */
    public void close() {
        closed = true;
        ready.clear();
        size.set(0);
    }
}
