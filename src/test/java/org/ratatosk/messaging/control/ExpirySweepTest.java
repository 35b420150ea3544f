package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** One drain at a time: it takes batches until one is short, and a request while it runs makes it go round again. */
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
