package org.ratatosk.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ratatosk.devicesim.AttestationKeys;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.KeySpec;
import org.ratatosk.devicesim.Operations;
import org.ratatosk.devicesim.PooledKeySource;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.SimulatedDevice;

/**
 * Load against a running server through the public API only, so its figures describe what a
 * deployment will see: provisioning throughput and per-step latency, long-poll wake-up latency,
 * and the rate of a trivial request as the floor to read them against.
 * <p>
 * {@code mvn -Pbenchmark test-compile exec:java -Dbench.url=http://localhost:8080 -Dbench.devices=32 -Dbench.provisionings=2000}
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        settings.requireLoopback();
        System.out.printf(Locale.ROOT, "target: %s, devices: %d, provisionings: %d (+%d warm-up), keys: %s%n",
                settings.url(), settings.devices(), settings.provisionings(), settings.warmup(), settings.keyType());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (CallbackSink sink = settings.callbackUrl() == null ? new CallbackSink() : null) {
            String callbackUrl = sink == null ? settings.callbackUrl() : sink.url();
            String runId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            KeyPair attestation = AttestationKeys.generate();
            String apiKey = UUID.randomUUID().toString();
            HermodClient.createClient(http, settings.url(), settings.adminUser(), settings.adminPassword(), runId, apiKey,
                    callbackUrl, List.of(AttestationKeys.publicJwk(attestation))).expectOk("create API client " + runId);
            System.out.println("api client: " + runId + ", callbacks to " + callbackUrl);
            HermodClient client = new HermodClient(http, settings.url(), runId, apiKey);

            KeySpec spec = keySpec(settings.keyType());
            JsonObject prio = spec.isRsa() ? ProvisionCommands.rsa(spec.bits(), "RS256") : ProvisionCommands.ec(spec.bits());
            PooledKeySource pool = pregenerate(spec, settings.warmup() + settings.provisionings());
            SimulatedDevice device = new SimulatedDevice(attestation, http, pool);

            ServerCost cost = new ServerCost(http, settings.url());
            new ProvisioningRun(settings, client, device, prio, runId).run("warmup", settings.warmup());
            ProvisioningRun provisioning = new ProvisioningRun(settings, client, device, prio, runId);
            long requestsBefore = Operations.requests();
            long signaturesBefore = Operations.signatures();
            ServerCost.Reading provBefore = cost.read();
            Workers.Outcome outcome = provisioning.run("prov", settings.provisionings());
            ServerCost.Reading provAfter = cost.read();
            int done = Math.max(1, outcome.ok() + outcome.failed());
            double requestsEach = (Operations.requests() - requestsBefore) / (double) done;
            double signaturesEach = (Operations.signatures() - signaturesBefore) / (double) done;
            System.out.printf(Locale.ROOT, "provisionings: %d ok, %d failed in %.2f s%s%n", outcome.ok(), outcome.failed(),
                    outcome.elapsedNanos() / 1e9, outcome.timedOut() ? " (stopped at the time limit)" : "");
            System.out.printf(Locale.ROOT, "provisionings/s: %.1f%n", outcome.perSecond());
            provisioning.steps().forEach(step -> System.out.println("  " + step.line()));
            System.out.println(ServerCost.line("provisioning round trip", provBefore, provAfter, outcome.ok() + outcome.failed()));
            if (pool.misses() > 0) {
                System.out.println("  note: " + pool.misses() + " keys were generated during measuring (pool ran dry)");
            }

            wakeUps(settings, client, device, new ArrayList<>(provisioning.provisioned));
            if (sink != null) {
                signing(settings, client, device, new ArrayList<>(provisioning.provisioned), sink, cost);
            } else {
                System.out.println("signing and callbacks: skipped (bench.callbackUrl is set, so no local receiver to time them)");
            }

            FloorRun floor = new FloorRun(settings, client, runId);
            ServerCost.Reading floorBefore = cost.read();
            Workers.Outcome floorOutcome = floor.run(settings.floorRequests());
            ServerCost.Reading floorAfter = cost.read();
            System.out.printf(Locale.ROOT, "floor (trivial authenticated GET) req/s: %.1f  (%d ok, %d failed)%n",
                    floorOutcome.perSecond(), floorOutcome.ok(), floorOutcome.failed());
            System.out.println("  " + floor.latency.line());
            System.out.println(ServerCost.line("trivial authenticated GET", floorBefore, floorAfter, floorOutcome.ok() + floorOutcome.failed()));
            ceiling(settings, spec, requestsEach, signaturesEach, floorOutcome.perSecond());
            if (sink != null) {
                System.out.println("callbacks received: " + sink.received());
            }
        }
    }

    private static void wakeUps(BenchSettings settings, HermodClient client, SimulatedDevice device,
            List<ProvisioningRun.Provisioned> provisioned) throws InterruptedException {
        if (provisioned.isEmpty() || settings.wakeups() <= 0) {
            System.out.println("wake-up: skipped (no provisioned device with a permanent mailbox)");
            return;
        }
        WakeUpRun wake = new WakeUpRun(settings, client, device, provisioned);
        Workers.Outcome outcome = wake.run(settings.wakeups());
        System.out.printf(Locale.ROOT, "wake-up: %d samples over %d long-polling devices, %d failed%n",
                outcome.ok(), provisioned.size(), outcome.failed());
        System.out.println("  " + wake.latency.line());
    }

    private static void signing(BenchSettings settings, HermodClient client, SimulatedDevice device,
            List<ProvisioningRun.Provisioned> provisioned, CallbackSink sink, ServerCost cost) throws InterruptedException {
        if (provisioned.isEmpty() || settings.signatures() <= 0) {
            System.out.println("signing: skipped");
            return;
        }
        SigningRun signing = new SigningRun(settings, client, device, provisioned, sink);
        for (String format : List.of("jws", "pkcs7")) {
            ServerCost.Reading before = cost.read();
            List<SigningRun.Staged> staged = signing.stage(format, settings.signatures());
            Samples latency = new Samples("answer " + format);
            long start = System.nanoTime();
            Workers.Outcome outcome = signing.verifyAsFastAsPossible("verify-" + format, staged, latency);
            System.out.printf(Locale.ROOT, "signed answers verified/s (%s): %.1f  (%d ok, %d failed, %d devices)%n",
                    format.equals("jws") ? "JWS" : "CMS", outcome.perSecond(), outcome.ok(), outcome.failed(), provisioned.size());
            System.out.println("  " + latency.line());
            System.out.println("  callbacks: " + signing.callbackRate(staged, start));
            System.out.println(ServerCost.line("sign round trip, " + format, before, cost.read(), staged.size()));
        }
        List<SigningRun.Staged> paced = signing.stage("jws", settings.pacedAnswers());
        Samples answer = new Samples("answer at rate");
        Samples toCallback = new Samples("answer -> callback");
        String offered = signing.paced(paced, settings.answerRate(), answer, toCallback);
        System.out.printf(Locale.ROOT, "paced: %s%n", offered);
        System.out.println("  " + answer.line());
        System.out.println("  " + toCallback.line());
        System.out.printf(Locale.ROOT, "callback p99 from device answer at %d answers/s: %.1f ms (target < 100 ms)%n",
                settings.answerRate(), toCallback.percentileMillis(99));
    }

    /**
     * Server and load client share these CPUs, so each provisioning costs at least its HTTP requests
     * at the floor's price and the client's own private-key signatures: the best any server could
     * do here, read beside the measured rate.
     */
    private static void ceiling(BenchSettings settings, KeySpec spec, double requestsEach, double signaturesEach,
            double floorPerSecond) throws InterruptedException {
        KeyPair keys = spec.generate();
        String algorithm = spec.isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = new byte[256];
        Workers.Outcome signed = Workers.run("client-sign", settings.devices(), settings.floorRequests(), settings.phaseLimit(),
                (worker, n) -> {
                    Signature signature = Signature.getInstance(algorithm);
                    signature.initSign(keys.getPrivate());
                    signature.update(data);
                    signature.sign();
                });
        double ceiling = 1 / (requestsEach / floorPerSecond + signaturesEach / signed.perSecond());
        System.out.printf(Locale.ROOT, "client-side %s signatures/s here: %.1f (%d threads)%n", algorithm,
                signed.perSecond(), settings.devices());
        System.out.printf(Locale.ROOT, "one provisioning: %.1f HTTP requests, %.1f client signatures; ceiling at the floor's"
                + " price per request: %.1f provisionings/s%n", requestsEach, signaturesEach, ceiling);
    }

    static PooledKeySource pregenerate(KeySpec spec, int count) {
        long start = System.nanoTime();
        int step = Math.max(1, count / 10);
        System.out.printf(Locale.ROOT, "pre-generating %d %s device keys...%n", count, spec);
        ProvisionCommands.dummyCsr("warm-up"); // makes the shared dummy CSR key now, not while measuring
        PooledKeySource pool = new PooledKeySource().fill(spec, count, done -> {
            if (done % step == 0 || done == count) {
                System.out.printf(Locale.ROOT, "  keys: %d/%d%n", done, count);
            }
        });
        System.out.printf(Locale.ROOT, "pre-generated %d keys in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        return pool;
    }

    static KeySpec keySpec(String text) {
        String[] parts = text.toUpperCase(Locale.ROOT).split("-");
        int bits = Integer.parseInt(parts[1]);
        KeySpec spec = "EC".equals(parts[0]) ? KeySpec.ec(bits) : KeySpec.rsa(bits);
        if (!spec.supported()) {
            throw new IllegalArgumentException("unsupported bench.keytype " + text + " (RSA-2048, EC-256, EC-384, ...)");
        }
        return spec;
    }
}
