package org.ratatosk.testsupport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition, reading it again until it holds or a timeout passes, so a test waits as
 * long as the server needs and no longer, instead of sleeping for a guessed time.
 */
public final class Await {

    /** How long to pause between two readings unless told otherwise. */
    public static final Duration EVERY = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * Reads until {@code done} accepts what was read or {@code timeout} passes; returns the last
     * value read either way, for the caller to assert on.
     */
    public static <T> T until(Duration timeout, Supplier<T> read, Predicate<? super T> done) {
        return until(timeout, EVERY, read, done);
    }

    /** {@link #until(Duration, Supplier, Predicate)}, reading every {@code every}. */
    public static <T> T until(Duration timeout, Duration every, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value) || System.nanoTime() - deadline >= 0) {
                return value;
            }
            pause(every);
        }
    }

    /** Whether {@code condition} came to hold within {@code timeout}. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        return until(timeout, EVERY, condition::getAsBoolean, held -> held);
    }

    /** Waits for {@code condition}; fails naming {@code what} if it does not hold within {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        if (!until(timeout, condition)) {
            throw new AssertionError(what + " did not happen within " + timeout);
        }
    }

    /**
     * Fails if {@code future} completes within {@code during}: for what must keep waiting, such as
     * a long poll before anything wakes it.
     */
    public static void stillPending(String what, Future<?> future, Duration during) {
        try {
            Object value = future.get(during.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError(what + " returned after less than " + during + ": " + value);
        } catch (TimeoutException expected) {
            // still waiting, as it should
        } catch (ExecutionException e) {
            throw new AssertionError(what + " failed after less than " + during, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting on " + what, e);
        }
    }

    private static void pause(Duration every) {
        try {
            TimeUnit.NANOSECONDS.sleep(every.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
