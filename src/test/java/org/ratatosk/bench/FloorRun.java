package org.ratatosk.bench;

import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Reply;

/**
 * The cheapest authenticated request at the same concurrency: what the server and this client can
 * do at all, so the provisioning rate can be read against it.
 */
final class FloorRun {

    final Samples latency = new Samples("trivial GET");

    private final BenchSettings settings;
    private final HermodClient client;
    private final String externalId;

    FloorRun(BenchSettings settings, HermodClient client, String runId) {
        this.settings = settings;
        this.client = client;
        this.externalId = runId + "-no-such-command";
    }

    Workers.Outcome run(int requests) throws InterruptedException {
        return Workers.run("floor", settings.devices(), requests, settings.phaseLimit(), (worker, n) -> {
            long t = System.nanoTime();
            Reply reply = client.byExternalId(externalId);
            latency.since(t);
            if (reply.status() != 200 && reply.status() != 404) {
                throw new IllegalStateException("trivial GET answered " + reply);
            }
        });
    }
}
