package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
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
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 4, generator, executor);
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
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 3, generator, executor);
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
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 5, new CountingGenerator(), executor);
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
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 2, generator, executor);
        assertNotNull(reserve.take());
        assertEquals(1, generator.made.get());
        assertEquals(1, executor.tasks.size());
    }

    @Test
    void zeroCapacityNeverSchedules() {
        ManualExecutor executor = new ManualExecutor();
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 0, () -> SAMPLE, executor);
        assertSame(SAMPLE, reserve.take());
        assertTrue(executor.tasks.isEmpty());
    }

    @Test
    void closeDropsThePairsAndStopsRefilling() {
        ManualExecutor executor = new ManualExecutor();
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 2, new CountingGenerator(), executor);
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
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 2, () -> SAMPLE, rejecting);
        reserve.refill();
        reserve.refill();
        assertEquals(2, attempts.get());
    }

    /** A clock that only moves when the refill sleeps, or when the test says so. */
    static final class FakeTime {
        long nanos = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        long now() {
            return nanos;
        }

        void sleep(long millis) {
            sleeps.add(millis);
            nanos += millis * 1_000_000L;
        }
    }

    @Test
    void refillWaitsForAQuietPeriodAfterTheLastTake() {
        ManualExecutor executor = new ManualExecutor();
        CountingGenerator generator = new CountingGenerator();
        FakeTime time = new FakeTime();
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 2, generator, executor, Duration.ofMillis(250),
                Duration.ofSeconds(2), time::now, time::sleep);
        reserve.refill();
        executor.runAll();
        assertEquals(List.of(), time.sleeps, "a reserve nobody took from fills at once");
        assertEquals(2, generator.made.get());

        reserve.take();
        time.nanos += 100_000_000L;
        executor.runAll();
        assertEquals(List.of(150L), time.sleeps, "the refill sleeps out the rest of the quiet period");
        assertEquals(3, generator.made.get());
        assertEquals(2, reserve.available());
    }

    @Test
    void steadyDemandDefersEachPairAtMostTheMaximum() {
        ManualExecutor executor = new ManualExecutor();
        CountingGenerator generator = new CountingGenerator();
        FakeTime time = new FakeTime();
        @SuppressWarnings("unchecked")
        KeyReserve<KeyPair>[] holder = new KeyReserve[1];
        // Every pause of the refill sees another take, so the reserve never becomes quiet.
        KeyReserve.Sleeper busy = millis -> {
            time.sleep(millis);
            holder[0].take();
        };
        KeyReserve<KeyPair> reserve = new KeyReserve<>("test", 1, generator, executor, Duration.ofMillis(250),
                Duration.ofSeconds(1), time::now, busy);
        holder[0] = reserve;
        reserve.take();
        int made = generator.made.get();
        executor.tasks.poll().run();
        assertEquals(made + 4 + 1, generator.made.get(), "four takes while deferring, then the refill's own pair");
        assertEquals(List.of(250L, 250L, 250L, 250L), time.sleeps);
        assertEquals(1, reserve.available());
    }
}
