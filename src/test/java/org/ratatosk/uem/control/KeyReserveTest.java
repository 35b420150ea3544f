package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class KeyReserveTest {

    static final KeyPair SAMPLE = KeyAlgorithm.EC_P256.generate();

    /** Runs tasks only when told, so the test sees the reserve between refills. */
    static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    static final class CountingGenerator implements Supplier<KeyPair> {
        final AtomicInteger made = new AtomicInteger();
        final List<KeyPair> handedOut = new ArrayList<>();

        @Override
        public synchronized KeyPair get() {
            made.incrementAndGet();
            KeyPair pair = KeyAlgorithm.EC_P256.generate();
            handedOut.add(pair);
            return pair;
        }
    }

    @Test
    void refillFillsToCapacityInOneTask() {
        ManualExecutor executor = new ManualExecutor();
        CountingGenerator generator = new CountingGenerator();
        KeyReserve reserve = new KeyReserve("test", 4, generator, executor);
        reserve.refill();
        reserve.refill();
        assertEquals(1, executor.tasks.size());
        executor.runAll();
        assertEquals(4, reserve.available());
        assertEquals(4, generator.made.get());
    }

    @Test
    void warmTakeServesAPregeneratedPairAndSchedulesARefill() {
        ManualExecutor executor = new ManualExecutor();
        CountingGenerator generator = new CountingGenerator();
        KeyReserve reserve = new KeyReserve("test", 3, generator, executor);
        reserve.refill();
        executor.runAll();
        KeyPair taken = reserve.take();
        assertSame(generator.handedOut.get(0), taken);
        assertEquals(2, reserve.available());
        assertEquals(3, generator.made.get());
        assertEquals(1, executor.tasks.size());
        executor.runAll();
        assertEquals(3, reserve.available());
    }

    @Test
    void pairsAreHandedOutOnce() {
        ManualExecutor executor = new ManualExecutor();
        KeyReserve reserve = new KeyReserve("test", 5, new CountingGenerator(), executor);
        reserve.refill();
        executor.runAll();
        HashSet<KeyPair> taken = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertTrue(taken.add(reserve.take()));
        }
        assertEquals(0, reserve.available());
    }

    @Test
    void emptyReserveGeneratesForTheCallerAtOnce() {
        ManualExecutor executor = new ManualExecutor();
        CountingGenerator generator = new CountingGenerator();
        KeyReserve reserve = new KeyReserve("test", 2, generator, executor);
        assertNotNull(reserve.take());
        assertEquals(1, generator.made.get());
        assertEquals(1, executor.tasks.size());
    }

    @Test
    void zeroCapacityNeverSchedules() {
        ManualExecutor executor = new ManualExecutor();
        KeyReserve reserve = new KeyReserve("test", 0, () -> SAMPLE, executor);
        assertSame(SAMPLE, reserve.take());
        assertTrue(executor.tasks.isEmpty());
    }

    @Test
    void closeDropsThePairsAndStopsRefilling() {
        ManualExecutor executor = new ManualExecutor();
        KeyReserve reserve = new KeyReserve("test", 2, new CountingGenerator(), executor);
        reserve.refill();
        executor.runAll();
        reserve.close();
        assertEquals(0, reserve.available());
        reserve.refill();
        assertTrue(executor.tasks.isEmpty());
    }

    @Test
    void rejectedRefillCanBeRetried() {
        AtomicInteger attempts = new AtomicInteger();
        Executor rejecting = task -> {
            attempts.incrementAndGet();
            throw new java.util.concurrent.RejectedExecutionException("full");
        };
        KeyReserve reserve = new KeyReserve("test", 2, () -> SAMPLE, rejecting);
        reserve.refill();
        reserve.refill();
        assertEquals(2, attempts.get());
    }
}
