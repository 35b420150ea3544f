package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.Await;

/**
 * One drain at a time: it takes batches until one is short, and a request while it runs makes it go
 * round again; timeouts arriving together are gathered into one drain.
 */
class ExpirySweepTest {

    @Test
    void takesBatchesUntilOneIsShort() {
        Deque<Integer> sizes = new ArrayDeque<>(List.of(ExpirySweep.BATCH, ExpirySweep.BATCH, 7, ExpirySweep.BATCH));
        AtomicInteger calls = new AtomicInteger();
        ExpirySweep sweep = sweep(() -> {
            calls.incrementAndGet();
            return sizes.removeFirst();
        });
        sweep.drain();
        assertEquals(3, calls.get());
    }

    @Test
    void aRequestWhileADrainRunsMakesItGoRoundOnceMore() throws Exception {
        CountDownLatch inFirstBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExpirySweep sweep = sweep(() -> {
            if (calls.incrementAndGet() == 1) {
                inFirstBatch.countDown();
                await(release);
            }
            return 0;
        });
        Thread running = new Thread(sweep::drain);
        running.start();
        assertTrue(inFirstBatch.await(10, TimeUnit.SECONDS));
        sweep.drain();
        assertEquals(1, calls.get(), "the second caller returns at once");
        release.countDown();
        running.join(10_000);
        assertEquals(2, calls.get(), "the running drain went round once more");
    }

    @Test
    void aFailingBatchIsTriedThreeTimesThenLeftToTheNextSweep() {
        AtomicInteger calls = new AtomicInteger();
        ExpirySweep sweep = sweep(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("deadlock");
        });
        sweep.drain();
        assertEquals(3, calls.get());
        sweep.drain();
        assertEquals(6, calls.get(), "a later drain runs again");
    }

    @Test
    void timeoutsArrivingTogetherAreGatheredIntoOneDrainThatRunsAfterTheirWindow() {
        AtomicInteger calls = new AtomicInteger();
        ExpirySweep sweep = emptySweep(calls);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Long> delays = new CopyOnWriteArrayList<>();
        sweep.executor = scheduling(timer, delays);
        try {
            for (int i = 0; i < 50; i++) {
                sweep.drainSoon();
            }
            assertEquals(List.of(ExpirySweep.GATHER_MILLIS), delays, "one drain scheduled for fifty timeouts");
            assertEquals(0, calls.get(), "nothing drained before the window closes");
            awaitCalls(calls, 1);
            sweep.drainSoon();
            assertEquals(2, delays.size(), "a timeout after the window schedules the next drain");
            awaitCalls(calls, 2);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aTimeoutDrainsAtOnceWhenNothingCanBeScheduled() {
        AtomicInteger calls = new AtomicInteger();
        ExpirySweep sweep = emptySweep(calls);
        sweep.executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                ManagedScheduledExecutorService.class.getClassLoader(), new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    throw new RejectedExecutionException("shutting down");
                });
        sweep.drainSoon();
        assertEquals(1, calls.get());
        sweep.drainSoon();
        assertEquals(2, calls.get(), "a failed schedule leaves the next timeout free to try again");
    }

    /** A managed executor whose schedule(Runnable, delay, unit) runs on {@code timer} and records the delay in ms. */
    private static ManagedScheduledExecutorService scheduling(ScheduledExecutorService timer, List<Long> delays) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(ManagedScheduledExecutorService.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule") && args[0] instanceof Runnable task) {
                        long delay = (Long) args[1];
                        delays.add(((TimeUnit) args[2]).toMillis(delay));
                        return timer.schedule(task, delay, (TimeUnit) args[2]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void awaitCalls(AtomicInteger calls, int expected) {
        Await.until(Duration.ofSeconds(10), Duration.ofMillis(5), calls::get, n -> n >= expected);
        assertEquals(expected, calls.get());
    }

    /** A sweep that finds nothing overdue, counting its batches in {@code calls}. */
    private static ExpirySweep emptySweep(AtomicInteger calls) {
        return sweep(() -> {
            calls.incrementAndGet();
            return 0;
        });
    }

    private static ExpirySweep sweep(IntSupplier batches) {
        ExpirySweep sweep = new ExpirySweep();
        sweep.expiry = new Expiry() {
            @Override
            public int expireOverdue(int max) {
                return batches.getAsInt();
            }
        };
        return sweep;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
