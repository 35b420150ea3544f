package org.ratatosk.bench;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ratatosk.devicesim.AttestationKeys;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.KeySpec;
import org.ratatosk.devicesim.PooledKeySource;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.SimulatedDevice;

/**
 * The provisioning round trip of {@link ProvisioningBenchmark} on a running two-node cluster, in
 * one run: through the load balancer (both nodes serve) and straight to node A (node B idles),
 * printed side by side with the CPU each node's process spent per provisioning, read from each
 * node's own {@code /metrics}.
 * <p>
 * {@code mvn -Pbenchmark test-compile exec:java -Dbench.main=org.ratatosk.bench.ClusterComparison
 * -Dbench.url=http://127.0.0.1:8990 -Dbench.nodes=http://127.0.0.1:8080,http://127.0.0.1:8180}
 */
public final class ClusterComparison {

    /** One phase's figures. */
    record Phase(String name, Workers.Outcome outcome, List<Samples> steps, double[] cpuMillisPerOp) {
    }

    private ClusterComparison() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings balancer = BenchSettings.fromSystemProperties();
        balancer.requireLoopback();
        String[] nodes = System.getProperty("bench.nodes", "http://127.0.0.1:8080,http://127.0.0.1:8180").split(",");
        BenchSettings nodeA = balancer.withUrl(nodes[0].trim());
        nodeA.requireLoopback();
        System.out.printf(Locale.ROOT, "balancer: %s, nodes: %s, devices: %d, provisionings: %d per phase (+%d warm-up), keys: %s%n",
                balancer.url(), String.join(" ", nodes), balancer.devices(), balancer.provisionings(), balancer.warmup(),
                balancer.keyType());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (CallbackSink sink = new CallbackSink()) {
            String runId = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
            KeyPair attestation = AttestationKeys.generate();
            String apiKey = UUID.randomUUID().toString();
            HermodClient.createClient(http, balancer.url(), balancer.adminUser(), balancer.adminPassword(), runId, apiKey,
                    sink.url(), List.of(AttestationKeys.publicJwk(attestation))).expectOk("create API client " + runId);
            KeySpec spec = ProvisioningBenchmark.keySpec(balancer.keyType());
            JsonObject prio = spec.isRsa() ? ProvisionCommands.rsa(spec.bits(), "RS256") : ProvisionCommands.ec(spec.bits());
            PooledKeySource pool = ProvisioningBenchmark.pregenerate(spec,
                    2 * (balancer.warmup() + balancer.provisionings()));
            SimulatedDevice device = new SimulatedDevice(attestation, http, pool);
            List<ServerCost> costs = new ArrayList<>();
            for (String node : nodes) {
                costs.add(new ServerCost(http, node.trim()));
            }

            // Both ways warmed up before either is measured: a node's first requests pay for its JIT.
            for (BenchSettings target : List.of(balancer, nodeA)) {
                HermodClient client = new HermodClient(http, target.url(), runId, apiKey);
                new ProvisioningRun(target, client, device, prio, runId + "-w" + target.url().hashCode()).run("warmup", target.warmup());
            }
            Map<String, Phase> phases = new LinkedHashMap<>();
            for (BenchSettings target : List.of(balancer, nodeA)) {
                HermodClient client = new HermodClient(http, target.url(), runId, apiKey);
                String name = target == balancer ? "both nodes (balancer)" : "node A alone";
                ProvisioningRun run = new ProvisioningRun(target, client, device, prio, runId + "-p" + phases.size());
                List<ServerCost.Reading> before = costs.stream().map(ServerCost::read).toList();
                Workers.Outcome outcome = run.run("prov", target.provisionings());
                List<ServerCost.Reading> after = costs.stream().map(ServerCost::read).toList();
                int ops = Math.max(1, outcome.ok() + outcome.failed());
                double[] cpu = new double[costs.size()];
                for (int i = 0; i < cpu.length; i++) {
                    cpu[i] = (after.get(i).cpuNanos() - before.get(i).cpuNanos()) / 1e6 / ops;
                }
                Phase phase = new Phase(name, outcome, run.steps(), cpu);
                phases.put(name, phase);
                print(phase);
            }
            table(new ArrayList<>(phases.values()));
            if (pool.misses() > 0) {
                System.out.println("note: " + pool.misses() + " device keys were generated during measuring (pool ran dry)");
            }
        }
    }

    private static void print(Phase phase) {
        System.out.printf(Locale.ROOT, "%s: %d ok, %d failed in %.2f s, %.1f provisionings/s%n", phase.name(),
                phase.outcome().ok(), phase.outcome().failed(), phase.outcome().elapsedNanos() / 1e9, phase.outcome().perSecond());
        phase.steps().forEach(step -> System.out.println("  " + step.line()));
    }

    /** The phases side by side: rate, median and p99 of the round trip's steps, CPU per provisioning of each node. */
    private static void table(List<Phase> phases) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s", "");
        phases.forEach(p -> System.out.printf(Locale.ROOT, "%24s", p.name()));
        System.out.println();
        row("provisionings/s", phases, p -> String.format(Locale.ROOT, "%.1f", p.outcome().perSecond()));
        row("failed", phases, p -> String.valueOf(p.outcome().failed()));
        for (int step = 0; step < phases.get(0).steps().size(); step++) {
            int s = step;
            row(phases.get(0).steps().get(s).name() + " p50 / p99 ms", phases, p -> String.format(Locale.ROOT, "%.1f / %.1f",
                    p.steps().get(s).percentileMillis(50), p.steps().get(s).percentileMillis(99)));
        }
        for (int node = 0; node < phases.get(0).cpuMillisPerOp().length; node++) {
            int n = node;
            row("server CPU ms per op, node " + (char) ('A' + n), phases,
                    p -> String.format(Locale.ROOT, "%.2f", p.cpuMillisPerOp()[n]));
        }
        row("server CPU ms per op, both", phases, p -> String.format(Locale.ROOT, "%.2f",
                java.util.Arrays.stream(p.cpuMillisPerOp()).sum()));
    }

    private static void row(String label, List<Phase> phases, java.util.function.Function<Phase, String> cell) {
        System.out.printf(Locale.ROOT, "%-34s", label);
        phases.forEach(p -> System.out.printf(Locale.ROOT, "%24s", cell.apply(p)));
        System.out.println();
    }
}
