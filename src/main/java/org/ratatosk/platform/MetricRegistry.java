package org.ratatosk.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Counters, gauges and histograms with labels, rendered in the Prometheus text format 0.0.4.
 * Values live in this node's memory: each node of a cluster is scraped on its own.
 */
public class MetricRegistry {

    private enum Type { COUNTER, GAUGE, HISTOGRAM }

    private record Family(String name, String help, Type type, List<String> labels, double[] buckets,
                          DoubleSupplier gauge, Map<List<String>, Object> children) {
    }

    private static final class Histogram {
        final LongAdder[] counts;
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Histogram(int buckets) {
            counts = new LongAdder[buckets];
            Arrays.setAll(counts, i -> new LongAdder());
        }
    }

    private final Map<String, Family> families = new ConcurrentSkipListMap<>();

    public void counter(String name, String help, String... labels) {
        register(new Family(name, help, Type.COUNTER, List.of(labels), null, null, new ConcurrentHashMap<>()));
    }

    public void histogram(String name, String help, double[] buckets, String... labels) {
        double[] sorted = buckets.clone();
        Arrays.sort(sorted);
        register(new Family(name, help, Type.HISTOGRAM, List.of(labels), sorted, null, new ConcurrentHashMap<>()));
    }

    public void gauge(String name, String help, DoubleSupplier value) {
        register(new Family(name, help, Type.GAUGE, List.of(), null, value, new ConcurrentHashMap<>()));
    }

    public void increment(String name, String... labelValues) {
        ((LongAdder) child(name, Type.COUNTER, labelValues)).increment();
    }

    public void observe(String name, double value, String... labelValues) {
        Family family = families.get(name);
        Histogram histogram = (Histogram) child(name, Type.HISTOGRAM, labelValues);
        int bucket = 0;
        while (bucket < family.buckets().length && value > family.buckets()[bucket]) {
            bucket++;
        }
        if (bucket < family.buckets().length) {
            histogram.counts[bucket].increment();
        }
        histogram.sum.add(value);
        histogram.count.increment();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Family family : families.values()) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type().name().toLowerCase()).append('\n');
            switch (family.type()) {
                case GAUGE -> sample(out, family.name(), "", family.gauge().getAsDouble());
                case COUNTER, HISTOGRAM -> family.children().entrySet().stream()
                        .map(e -> Map.entry(labels(family.labels(), e.getKey()), e.getValue()))
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> {
                            if (e.getValue() instanceof Histogram histogram) {
                                histogram(out, family, e.getKey(), histogram);
                            } else {
                                sample(out, family.name(), e.getKey(), ((LongAdder) e.getValue()).sum());
                            }
                        });
            }
        }
        return out.toString();
    }

    private void register(Family family) {
        if (!family.name().matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("Not a metric name: " + family.name());
        }
        families.putIfAbsent(family.name(), family);
    }

    private Object child(String name, Type type, String... labelValues) {
        Family family = families.get(name);
        if (family == null || family.type() != type || family.labels().size() != labelValues.length) {
            throw new IllegalArgumentException("No " + type + " " + name + " with " + labelValues.length + " label(s)");
        }
        List<String> key = List.of(Arrays.stream(labelValues).map(v -> v == null ? "" : v).toArray(String[]::new));
        return family.children().computeIfAbsent(key,
                k -> type == Type.COUNTER ? new LongAdder() : new Histogram(family.buckets().length));
    }

    private static void histogram(StringBuilder out, Family family, String labels, Histogram histogram) {
        long cumulative = 0;
        for (int i = 0; i < family.buckets().length; i++) {
            cumulative += histogram.counts[i].sum();
            sample(out, family.name() + "_bucket", withLe(labels, number(family.buckets()[i])), cumulative);
        }
        sample(out, family.name() + "_bucket", withLe(labels, "+Inf"), histogram.count.sum());
        sample(out, family.name() + "_sum", labels, histogram.sum.sum());
        sample(out, family.name() + "_count", labels, histogram.count.sum());
    }

    private static String withLe(String labels, String le) {
        String bound = "le=\"" + le + "\"";
        return labels.isEmpty() ? "{" + bound + "}" : labels.substring(0, labels.length() - 1) + "," + bound + "}";
    }

    static String labels(List<String> names, List<String> values) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(names.get(i)).append("=\"").append(escapeLabel(values.get(i))).append('"');
        }
        return text.append('}').toString();
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ').append(number(value)).append('\n');
    }

    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
