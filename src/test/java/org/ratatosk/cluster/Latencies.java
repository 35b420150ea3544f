package org.ratatosk.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations in milliseconds, and their nearest-rank percentiles. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    String line(String name) {
        return String.format("%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", name, count(), percentile(50),
                percentile(99), percentile(100));
    }
}
