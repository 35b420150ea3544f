package org.ratatosk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code total} numbered tasks on a fixed number of threads, each thread taking the next number
 * until none are left or the time limit passes, so every phase ends by itself however the server behaves.
 */
final class Workers {

    /** A task; an exception counts as a failure and the thread goes on with the next number. */
    interface Task {
        void run(int worker, int number) throws Exception;
    }

    record Outcome(int ok, int failed, long elapsedNanos, boolean timedOut) {

        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }
    }

    private static final int ERRORS_SHOWN = 5;

    private Workers() {
    }

    static Outcome run(String phase, int threads, int total, Duration limit, Task task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<Thread> running = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                int number;
                while (System.nanoTime() < deadline && (number = next.getAndIncrement()) < total) {
                    try {
                        task.run(worker, number);
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= ERRORS_SHOWN) {
                            System.out.println("  " + phase + " failure: " + e);
                        }
                    }
                }
            }, phase + "-" + w);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 60_000));
        }
        long elapsed = System.nanoTime() - start;
        return new Outcome(ok.get(), failed.get(), elapsed, System.nanoTime() > deadline && next.get() < total);
    }
}
