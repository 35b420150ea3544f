package org.ratatosk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.uem.boundary.TestCaKey;
import org.ratatosk.uem.boundary.UemClient;

/**
 * {@code getUserKeyPair} under load from concurrent UEM clients, against a running server: bursts
 * as large as the server's key pair pool with pauses for it to refill, then a sustained run that
 * drains it, and this machine's raw RSA-2048 generation rate to read both against.
 * <p>
 * The server needs {@code hermod.uem.user}, {@code hermod.uem.password} and {@code hermod.uem.ca-key};
 * the benchmark creates that CA key through the key API when it does not exist yet.
 * {@code mvn -Pbenchmark test-compile exec:java -Dexec.mainClass=org.ratatosk.bench.UemBenchmark -Dbench.url=...}
 */
public final class UemBenchmark {

    /** Warm-up bursts per progress line. */
    private static final int WARM_UP_ROUND = 20;

    private UemBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        int clients = integer("bench.uem.clients", 8);
        int burst = integer("bench.uem.burst", 8);
        int bursts = integer("bench.uem.bursts", 60);
        // Bursts before measuring, as in a server that has run a while: on two cores a freshly
        // deployed server's latency kept falling, as its JIT compiled, for about 200 bursts of 8.
        int warmupBursts = integer("bench.uem.warmup.bursts", 240);
        int sustained = integer("bench.uem.sustained", 64);
        String prefix = System.getProperty("bench.uem.prefix", "/hermod/rest/uem");
        String caKey = System.getProperty("bench.uem.ca-key", "uem-bench-ca");
        String admin = UemClient.basic(settings.adminUser(), settings.adminPassword());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        UemClient uem = new UemClient(http, settings.url() + prefix,
                UemClient.basic(System.getProperty("bench.uem.user", "uem"), System.getProperty("bench.uem.password", "uem")));
        double keysPerSecond = rsaKeysPerSecond(integer("bench.uem.keygen", 20));
        // Between bursts the server refills its pool; a burst starts once the server shows at least
        // a burst's worth of pairs ready, and not before this pause.
        Duration pause = Duration.ofMillis(integer("bench.uem.pause.ms", 500));
        KeyPool pool = new KeyPool(http, settings.url(), burst, Duration.ofSeconds(integer("bench.uem.pool.wait.seconds", 60)));
        System.out.printf(Locale.ROOT, "target: %s%s, UEM clients: %d, bursts: %d x %d calls (each once the pool holds %d,"
                        + " at least %d ms apart, after %d unmeasured), sustained: %d calls%n", settings.url(), prefix, clients,
                bursts, burst, burst, pause.toMillis(), warmupBursts, sustained);
        System.out.printf(Locale.ROOT, "raw software RSA-2048 generation here: %.1f keys/s (one thread)%n", keysPerSecond);

        uem.getInfo().expectOk("getInfo (check hermod.uem.user / hermod.uem.password)");
        if (!TestCaKey.exists(http, settings.url(), admin, caKey)) {
            TestCaKey.create(http, settings.url(), admin, caKey);
            System.out.println("created CA key " + caKey + " through the key API");
        }
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        int total = clients + (warmupBursts + bursts) * burst + sustained;
        String[] users = new String[total];
        String[] otps = new String[total];
        Workers.run("otp", clients, total, settings.phaseLimit(), (worker, n) -> {
            users[n] = run + "-" + n + "@bench.example.com";
            otps[n] = UemClient.issueOtp(http, settings.url(), admin, users[n], "{\"validitySeconds\":3600}")
                    .expectOk("issue otp").string("otp");
        });

        int[] next = {0};
        call("warm-up", uem, users, otps, next, clients, clients, new Samples("warm-up"), settings.phaseLimit());
        for (int done = 0; done < warmupBursts; ) {
            int round = Math.min(WARM_UP_ROUND, warmupBursts - done);
            Samples warm = new Samples("warm-up");
            for (int b = 0; b < round; b++) {
                pool.await(pause);
                call("warm-up burst", uem, users, otps, next, clients, burst, warm, settings.phaseLimit());
            }
            done += round;
            System.out.printf(Locale.ROOT, "  warm-up bursts %d/%d: p50 %.1f ms, p99 %.1f ms%n", done, warmupBursts,
                    warm.percentileMillis(50), warm.percentileMillis(99));
        }

        Samples bursty = new Samples("burst getUserKeyPair");
        Samples wholeBursts = new Samples("whole burst");
        long burstNanos = 0;
        int burstOk = 0;
        pool.waited.clear();
        for (int b = 0; b < bursts; b++) {
            pool.await(pause);
            Workers.Outcome outcome = call("burst", uem, users, otps, next, clients, burst, bursty, settings.phaseLimit());
            burstNanos += outcome.elapsedNanos();
            wholeBursts.add(outcome.elapsedNanos());
            burstOk += outcome.ok();
        }
        System.out.printf(Locale.ROOT, "bursts (warm pool): %.1f getUserKeyPair/s over %d calls%n", burstOk / (burstNanos / 1e9), burstOk);
        System.out.println("  " + bursty.line() + String.format(Locale.ROOT, "   max %8.1f ms", bursty.percentileMillis(100)));
        System.out.printf(Locale.ROOT, "  whole bursts, first call sent to last answer: p50 %.1f ms, p90 %.1f ms, max %.1f ms (n=%d)%n",
                wholeBursts.percentileMillis(50), wholeBursts.percentileMillis(90), wholeBursts.percentileMillis(100),
                wholeBursts.count());
        System.out.printf(Locale.ROOT, "  waited for the server's pool before a burst: mean %.0f ms, max %d ms%n",
                pool.waited.stream().mapToLong(Long::longValue).average().orElse(0),
                pool.waited.stream().mapToLong(Long::longValue).max().orElse(0));

        pool.await(pause);
        Samples steady = new Samples("sustained getUserKeyPair");
        Workers.Outcome outcome = call("sustained", uem, users, otps, next, clients, sustained, steady, settings.phaseLimit());
        System.out.printf(Locale.ROOT, "sustained (pool drains): %.1f getUserKeyPair/s over %d calls, %d failed%n",
                outcome.perSecond(), outcome.ok(), outcome.failed());
        System.out.println("  " + steady.line());
    }

    private static Workers.Outcome call(String phase, UemClient uem, String[] users, String[] otps, int[] next, int clients,
            int calls, Samples latency, Duration limit) throws InterruptedException {
        int first = next[0];
        next[0] += calls;
        return Workers.run(phase, clients, calls, limit, (worker, n) -> {
            int i = first + n;
            long start = System.nanoTime();
            Reply reply = uem.getUserKeyPair(users[i], otps[i], "req-" + i);
            latency.since(start);
            if (!"success".equals(reply.string("status"))) {
                throw new IllegalStateException("getUserKeyPair: " + reply);
            }
        });
    }

    /** The server's key pool as its metrics show it ({@code hermod_uem_key_pool_available}). */
    static final class KeyPool {
        private final HttpClient http;
        private final URI metrics;
        private final int wanted;
        private final Duration limit;
        final List<Long> waited = new ArrayList<>();

        KeyPool(HttpClient http, String url, int wanted, Duration limit) {
            this.http = http;
            this.metrics = URI.create(url + "/hermod/rest/metrics");
            this.wanted = wanted;
            this.limit = limit;
        }

        /** Sleeps {@code pause}, then until the pool holds a burst's worth; a pool that does not fill in time is an error. */
        void await(Duration pause) throws Exception {
            Thread.sleep(pause.toMillis());
            long start = System.nanoTime();
            double available = available();
            while (available < wanted) {
                if (System.nanoTime() - start > limit.toNanos()) {
                    throw new IllegalStateException("the server's key pool holds " + available + " pairs after " + limit
                            + "; a burst of " + wanted + " would not find the pool warm");
                }
                Thread.sleep(50);
                available = available();
            }
            waited.add((System.nanoTime() - start) / 1_000_000);
        }

        private double available() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith("hermod_uem_key_pool_available "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the server's metrics show no key pool"));
        }
    }

    private static double rsaKeysPerSecond(int keys) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        generator.generateKeyPair();
        long start = System.nanoTime();
        for (int i = 0; i < keys; i++) {
            generator.generateKeyPair();
        }
        return keys / ((System.nanoTime() - start) / 1e9);
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
