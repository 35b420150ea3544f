package org.ratatosk.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one step, collected from many threads; percentiles by sorting, which is plenty for a few thousand. */
final class Samples {

    private final String name;

    private long[] values = new long[1024];
    private int size;

    Samples(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Records the time since {@code startNanos} and returns now, so steps can be chained. */
    long since(long startNanos) {
        long now = System.nanoTime();
        add(now - startNanos);
        return now;
    }

    synchronized int count() {
        return size;
    }

    synchronized double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1_000_000.0;
    }

    String line() {
        return String.format(Locale.ROOT, "%-22s p50 %8.1f ms   p99 %8.1f ms   (n=%d)",
                name + ":", percentileMillis(50), percentileMillis(99), count());
    }
}
