package org.ratatosk.bench;

import java.util.List;
import java.util.Map;
import org.ratatosk.fuzz.Fixture;
import org.ratatosk.fuzz.FuzzRun;
import org.ratatosk.fuzz.RawHttp;
import org.ratatosk.fuzz.Template;

/**
 * Sends {@code bench.fuzz.requests} (20000) mutated requests of every operation to a running
 * server and prints the answers by status, the 5xx, non-JSON and other failing samples, and the
 * health afterwards. {@code bench.fuzz.seed} repeats a run.
 */
public final class FuzzBenchmark {

    private FuzzBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        int requests = Integer.getInteger("bench.fuzz.requests", 20_000);
        long seed = Long.getLong("bench.fuzz.seed", 20261202L);
        int threads = Integer.getInteger("bench.fuzz.threads", 4);
        RawHttp http = new RawHttp(settings.url(), 60_000);
        List<Template> templates = new Fixture(http, settings.adminUser(), settings.adminPassword(),
                System.getProperty("bench.uem.user", "uem"), System.getProperty("bench.uem.password", ""),
                System.getProperty("bench.uem.prefix", "/hermod/rest/uem")).create().templates();
        System.out.printf("Fuzzing %s: %d requests over %d operations, seed %d, %d threads%n",
                settings.url(), requests, templates.size(), seed, threads);
        long started = System.nanoTime();
        FuzzRun.Result result = FuzzRun.run(http, templates, requests, seed, threads);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Sent %d requests in %.1f s (%.0f/s)%n", result.sent(), seconds, result.sent() / seconds);
        System.out.println("Answers by status:");
        for (Map.Entry<Integer, Integer> entry : result.byStatus().entrySet()) {
            System.out.printf("  %s %6d%n", entry.getKey() < 0 ? "none" : entry.getKey(), entry.getValue());
        }
        long fiveHundreds = result.byStatus().entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("5xx: %d; answers failing the contract (5xx, dropped, non-JSON errors, UEM without failureInfo): %d%n",
                fiveHundreds, result.failureCount());
        result.failures().forEach(f -> System.out.println("  " + f));
        RawHttp.Response health = http.send("GET", "/hermod/rest/health", List.of(), null);
        System.out.println("Health afterwards: " + health.status() + " " + health.text());
    }
}
