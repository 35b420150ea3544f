package org.ratatosk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.ratatosk.platform.MetricsScrape;

/**
 * What the server spent on a phase, read from its own {@code /metrics}: the CPU time of its process
 * ({@code process_cpu_time_ns_total}), which a load client on the same cores cannot distort, and
 * the bytes its database grew ({@code hermod_database_size_bytes}) and wrote
 * ({@code hermod_database_written_bytes}: H2's store writes, PostgreSQL's write-ahead log). Of the
 * CPU time, the part its JIT compiler threads spent ({@code hermod_jit_compiler_cpu_seconds_total})
 * is shown apart: on a server that has not run long, compiling is a large and varying share of a
 * phase, and what is left is what the operation costs once the code is compiled.
 */
final class ServerCost {

    record Reading(double cpuNanos, double compilerCpuSeconds, double databaseBytes, double writtenBytes) {
    }

    private final HttpClient http;
    private final String metricsUrl;

    ServerCost(HttpClient http, String baseUrl) {
        this.http = http;
        this.metricsUrl = baseUrl + "/hermod/rest/metrics";
    }

    Reading read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metricsUrl))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + metricsUrl + " answered " + response.statusCode());
            }
            Map<String, Double> samples = MetricsScrape.parse(response.body());
            return new Reading(sample(samples, "process_cpu_time_ns_total"),
                    sample(samples, "hermod_jit_compiler_cpu_seconds_total"),
                    sample(samples, "hermod_database_size_bytes"),
                    sample(samples, "hermod_database_written_bytes"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + metricsUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The line a benchmark prints for a phase of {@code operations} operations between two readings. */
    static String line(String phase, Reading before, Reading after, int operations) {
        int n = Math.max(1, operations);
        double cpuMillis = (after.cpuNanos() - before.cpuNanos()) / 1e6;
        double compiling = (after.compilerCpuSeconds() - before.compilerCpuSeconds()) * 1000;
        double grown = after.databaseBytes() - before.databaseBytes();
        double written = after.writtenBytes() - before.writtenBytes();
        return String.format(Locale.ROOT, "server cost (%s): %.2f ms CPU per operation (%.1f s over %d), %s, database %s, %s",
                phase, cpuMillis / n, cpuMillis / 1000, operations,
                Double.isNaN(compiling) ? "JIT time not reported" : String.format(Locale.ROOT,
                        "%.2f ms of it in the JIT compiler threads, %.2f ms in the rest", compiling / n, (cpuMillis - compiling) / n),
                Double.isNaN(grown) ? "size not reported" : String.format(Locale.ROOT, "%+.1f KB per operation", grown / 1024 / n),
                Double.isNaN(written) ? "writes not reported" : String.format(Locale.ROOT, "%.1f KB written per operation", written / 1024 / n));
    }

    /** The value of the first sample of {@code name}, with or without labels; NaN when there is none. */
    static double sample(Map<String, Double> samples, String name) {
        Double value = samples.get(name);
        return value != null ? value : samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{"))
                .map(Map.Entry::getValue).findFirst().orElse(Double.NaN);
    }
}
