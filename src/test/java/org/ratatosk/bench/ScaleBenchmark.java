package org.ratatosk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ratatosk.platform.MetricsScrape;

/**
 * Scale, through the public API: many pending deadlines ({@code bench.scale=expiry}) and many
 * waiting long polls ({@code bench.scale=longpoll}). Figures come from the server's own
 * {@code /metrics}: its expiry lag histogram, its process CPU and its heap.
 * <p>
 * {@code mvn -Pbenchmark test-compile exec:java -Dbench.main=org.ratatosk.bench.ScaleBenchmark -Dbench.scale=expiry}
 */
public final class ScaleBenchmark {

    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\":\"([^\"]+)\"");

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        String clientId = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String admin = Base64.getEncoder().encodeToString((settings.adminUser() + ":" + settings.adminPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(settings.url()
                        + "/hermod/rest/admin/clients/" + clientId)).header("Authorization", "Basic " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key + "\",\"attestationKeys\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("create API client: " + created.statusCode() + " " + created.body());
        }
        Api api = new Api(http, settings.url(), Base64.getEncoder().encodeToString((clientId + ":" + key)
                .getBytes(StandardCharsets.UTF_8)));
        String mode = System.getProperty("bench.scale", "expiry");
        if (mode.equals("expiry")) {
            expiry(settings, api);
        } else if (mode.equals("longpoll")) {
            longPolls(settings, api);
        } else {
            throw new IllegalArgumentException("bench.scale is expiry or longpoll, not " + mode);
        }
    }

    /**
     * Submits {@code bench.scale.commands} (100,000) provisionings whose deadlines fall evenly over
     * {@code bench.scale.spread} seconds (600), starting {@code bench.scale.lead} seconds after the
     * last submission is expected, then waits until the server's lag histogram has counted them all.
     */
    static void expiry(BenchSettings settings, Api api) throws Exception {
        int commands = Integer.getInteger("bench.scale.commands", 100_000);
        int spread = Integer.getInteger("bench.scale.spread", 600);
        int threads = Integer.getInteger("bench.scale.threads", 16);
        int lead = Integer.getInteger("bench.scale.lead", 60);
        double submitRate = Double.parseDouble(System.getProperty("bench.scale.submit.rate", "150"));
        long submitSeconds = (long) Math.ceil(commands / submitRate);
        long firstDeadline = System.currentTimeMillis() / 1000 + submitSeconds + lead;
        System.out.printf(Locale.ROOT, "expiry: %d commands, deadlines over %d s from %d s from now (submissions"
                + " budgeted at %.0f/s)%n", commands, spread, submitSeconds + lead, submitRate);
        Metrics before = Metrics.read(api);
        Workers.Outcome submitted = Workers.run("submit", threads, commands, Duration.ofSeconds(submitSeconds + lead),
                (worker, n) -> {
                    long deadline = firstDeadline + (long) n * spread / commands;
                    long timeout = deadline - System.currentTimeMillis() / 1000;
                    if (timeout < 1) {
                        throw new IllegalStateException("submissions fell behind the deadlines; lower bench.scale.submit.rate");
                    }
                    api.submitProvisioning((int) timeout, (int) timeout);
                });
        Metrics afterSubmit = Metrics.read(api);
        System.out.printf(Locale.ROOT, "submitted %d (%d failed) in %.1f s, %.1f/s; server CPU %.2f ms per submission%n",
                submitted.ok(), submitted.failed(), submitted.elapsedNanos() / 1e9, submitted.perSecond(),
                (afterSubmit.cpuNanos - before.cpuNanos) / 1e6 / Math.max(1, submitted.ok()));
        long waitUntil = (firstDeadline + spread + 120) * 1000;
        Metrics now = afterSubmit;
        while (now.lagCount - before.lagCount < submitted.ok() && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(5000);
            now = Metrics.read(api);
            System.out.printf(Locale.ROOT, "  expired so far: %.0f of %d%n", now.lagCount - before.lagCount, submitted.ok());
        }
        double expired = now.lagCount - before.lagCount;
        System.out.printf(Locale.ROOT, "expired %.0f of %d; lag (server's expiry time - deadline, from its"
                        + " histogram): p50 <= %s, p99 <= %s, max %.3f s (target p99 < 1 s); server CPU %.2f ms per expiry%n",
                expired, submitted.ok(), now.lagPercentile(before, 0.50), now.lagPercentile(before, 0.99), now.lagMax,
                (now.cpuNanos - afterSubmit.cpuNanos) / 1e6 / Math.max(1, expired));
    }

    /**
     * Opens {@code bench.scale.polls} (10,000) long polls ({@code GET /command/{id}?wait=60}) at
     * once on as many pending commands, reads the server's heap, then ends each command with a
     * DELETE and times from its answer to the long poll's.
     */
    static void longPolls(BenchSettings settings, Api api) throws Exception {
        int polls = Integer.getInteger("bench.scale.polls", 10_000);
        int threads = Integer.getInteger("bench.scale.threads", 16);
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        Workers.Outcome submitted = Workers.run("submit", threads, polls, settings.phaseLimit(),
                (worker, n) -> ids.add(api.submitProvisioning(600, 600)));
        System.out.printf(Locale.ROOT, "longpoll: %d pending commands submitted in %.1f s%n", submitted.ok(),
                submitted.elapsedNanos() / 1e9);
        Metrics before = Metrics.read(api);
        List<String> waiting = new ArrayList<>(ids);
        long[] answered = new long[waiting.size()];
        long[] cancelled = new long[waiting.size()];
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < waiting.size(); i++) {
            futures.add(poll(api, waiting.get(i), i, answered, cancelled));
        }
        Thread.sleep(Long.getLong("bench.scale.settle.ms", 15_000));
        long early = futures.stream().filter(CompletableFuture::isDone).count();
        Metrics holding = Metrics.read(api);
        System.out.printf(Locale.ROOT, "%d long polls open (%d returned early); server heap used %.1f MB before,"
                        + " %.1f MB with them (%+.1f MB); server threads %.0f before, %.0f with them%n",
                waiting.size() - early, early, before.heapBytes / 1e6, holding.heapBytes / 1e6,
                (holding.heapBytes - before.heapBytes) / 1e6, before.threads, holding.threads);
        Workers.run("cancel", threads, waiting.size(), settings.phaseLimit(), (worker, n) -> {
            api.send(api.request("/command/" + waiting.get(n)).DELETE().build());
            cancelled[n] = System.nanoTime();
        });
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Samples wake = new Samples("wake-up after DELETE");
        int failed = 0;
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> response = futures.get(i).exceptionally(e -> null).join();
            if (response == null || response.statusCode() != 200 || !response.body().contains("\"CANCELLED\"")
                    || cancelled[i] == 0) {
                failed++;
            } else {
                wake.add(Math.max(0, answered[i] - cancelled[i]));
            }
        }
        System.out.printf(Locale.ROOT, "woken: %d, failed or not cancelled: %d%n", wake.count(), failed);
        System.out.println("  " + wake.line() + "  (targets: p99 < 50 ms, heap < 256 MB more)");
    }

    /**
     * A long poll on a command that is opened again when it ends at its wait with the command still
     * pending, as a client does: 10,000 cancellations take longer than the 60 s a poll may wait.
     */
    private static CompletableFuture<HttpResponse<String>> poll(Api api, String commandId, int index, long[] answered,
            long[] cancelled) {
        return api.http.sendAsync(api.request("/command/" + commandId + "?wait=60").timeout(Duration.ofSeconds(120)).GET()
                        .build(), HttpResponse.BodyHandlers.ofString())
                .thenCompose(response -> {
                    if (response.statusCode() == 200 && response.body().contains("\"IN_PROGRESS\"")) {
                        return poll(api, commandId, index, answered, cancelled);
                    }
                    answered[index] = System.nanoTime();
                    return CompletableFuture.completedFuture(response);
                });
    }

    /** The server's figures this benchmark reads. */
    record Metrics(double cpuNanos, double heapBytes, double threads, double lagCount, double lagMax,
            java.util.Map<String, Double> lagBuckets) {

        static Metrics read(Api api) throws Exception {
            HttpResponse<String> response = api.http.send(HttpRequest.newBuilder(URI.create(api.base
                    + "/hermod/rest/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
            java.util.Map<String, Double> samples = MetricsScrape.parse(response.body());
            double heap = samples.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{") && e.getKey().contains("area=\"heap\""))
                    .mapToDouble(java.util.Map.Entry::getValue).sum();
            java.util.Map<String, Double> buckets = new java.util.LinkedHashMap<>();
            Matcher bucket = Pattern.compile("hermod_expiry_lag_seconds_bucket\\{le=\"([^\"]+)\"}").matcher("");
            samples.forEach((name, value) -> {
                if (bucket.reset(name).matches()) {
                    buckets.put(bucket.group(1), value);
                }
            });
            return new Metrics(ServerCost.sample(samples, "process_cpu_time_ns_total"), heap,
                    ServerCost.sample(samples, "jvm_threads_live_threads"),
                    orZero(ServerCost.sample(samples, "hermod_expiry_lag_seconds_count")),
                    orZero(ServerCost.sample(samples, "hermod_expiry_lag_seconds_max")), buckets);
        }

        private static double orZero(double value) {
            return Double.isNaN(value) ? 0 : value;
        }

        /** The upper bound of the histogram bucket that holds the quantile of what was counted since {@code before}. */
        String lagPercentile(Metrics before, double quantile) {
            double total = lagCount - before.lagCount;
            for (var entry : lagBuckets.entrySet()) {
                double counted = entry.getValue() - before.lagBuckets.getOrDefault(entry.getKey(), 0.0);
                if (counted >= quantile * total) {
                    return entry.getKey() + " s";
                }
            }
            return "?";
        }
    }

    /** The few calls of the messaging API this benchmark makes. */
    record Api(HttpClient http, String base, String apiKey) {

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + "/hermod/rest" + path)).header("X-Api-Key", apiKey)
                    .header("Accept", "application/json");
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        }

        /** A provisioning for a new user; returns its command id. */
        String submitProvisioning(int lifespan, int timeout) throws Exception {
            String body = "{\"commandHeader\":{\"lifespan\":" + lifespan + ",\"timeout\":" + timeout + "},"
                    + "\"provCommand\":{\"nonce\":\"123456789\",\"userid\":\"user-" + UUID.randomUUID() + "\","
                    + "\"responsesignaturekey\":\"ATTESTATION\",\"responseformat\":\"jws\",\"profile\":{"
                    + "\"servername\":\"scale\",\"name\":\"ScaleProfile\",\"keygenrequests\":[{\"keyid\":\"signer\","
                    + "\"usage\":\"SIG\",\"keystate\":\"ACTIVE\",\"storageprios\":[\"APP\"],\"keytypeprios\":[{"
                    + "\"keytype\":\"RSA\",\"keylength\":\"2048\",\"responsemechanism\":\"RS256\"}]}]}}}";
            HttpResponse<String> response = send(request("/command/provision")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
            Matcher id = COMMAND_ID.matcher(response.body());
            if (!id.find()) {
                throw new IllegalStateException("no commandId in " + response.body());
            }
            return id.group(1);
        }
    }
}
