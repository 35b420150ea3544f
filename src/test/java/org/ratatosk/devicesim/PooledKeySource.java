package org.ratatosk.devicesim;

import java.security.KeyPair;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Keys generated ahead of time, each handed out once (a server may rightly refuse a key it has
 * already seen). When the pool runs dry it falls back to generating, and counts the misses so a
 * benchmark can tell that its client did crypto work while measuring.
 */
public class PooledKeySource implements KeySource {

    private final Map<KeySpec, Queue<KeyPair>> pools = new ConcurrentHashMap<>();
    private final AtomicLong misses = new AtomicLong();

    /** Generates {@code count} keys in parallel; {@code progress} sees the running total. */
    public PooledKeySource fill(KeySpec spec, int count, IntConsumer progress) {
        Queue<KeyPair> pool = pools.computeIfAbsent(spec, s -> new ConcurrentLinkedQueue<>());
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            pool.add(spec.generate());
            progress.accept(done.incrementAndGet());
        });
        return this;
    }

    public PooledKeySource fill(KeySpec spec, int count) {
        return fill(spec, count, n -> { });
    }

    @Override
    public KeyPair next(KeySpec spec) {
        Queue<KeyPair> pool = pools.get(spec);
        KeyPair pair = pool == null ? null : pool.poll();
        if (pair != null) {
            return pair;
        }
        misses.incrementAndGet();
        return spec.generate();
    }

    public int remaining(KeySpec spec) {
        Queue<KeyPair> pool = pools.get(spec);
        return pool == null ? 0 : pool.size();
    }

    public long misses() {
        return misses.get();
    }
}
