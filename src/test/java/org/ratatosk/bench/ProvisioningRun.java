package org.ratatosk.bench;

import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SimulatedDevice;

/**
 * The full provisioning round trip as an application server and a device see it, one step at a
 * time, so a slow step shows up under its own name rather than in an average.
 */
final class ProvisioningRun {

    /** What a provisioned device keeps; the wake-up phase reuses it. */
    record Provisioned(String profileId, Mailbox mailbox, KeyPair signer) {
    }

    final Samples submit = new Samples("submit");
    final Samples list = new Samples("list temporary box");
    final Samples fetch = new Samples("fetch message");
    final Samples answer = new Samples("answer");
    final Samples complete = new Samples("GET until COMPLETED");
    final Queue<Provisioned> provisioned = new ConcurrentLinkedQueue<>();

    private final BenchSettings settings;
    private final HermodClient client;
    private final SimulatedDevice device;
    private final JsonObject keytypeprio;
    private final String runId;

    ProvisioningRun(BenchSettings settings, HermodClient client, SimulatedDevice device, JsonObject keytypeprio, String runId) {
        this.settings = settings;
        this.client = client;
        this.device = device;
        this.keytypeprio = keytypeprio;
        this.runId = runId;
    }

    Workers.Outcome run(String phase, int count) throws InterruptedException {
        return Workers.run(phase, settings.devices(), count, settings.phaseLimit(), (worker, n) -> roundTrip(phase + "-" + n));
    }

    private void roundTrip(String name) {
        JsonObject body = ProvisionCommands.provision()
                .userid(runId + "-" + name)
                .externalId(runId + "-" + name)
                .key("signer", keytypeprio)
                .build();

        long t = System.nanoTime();
        Reply submitted = client.submit("provision", body).expectOk("submit");
        t = submit.since(t);
        String commandId = submitted.string("commandId");
        Mailbox temporary = Mailbox.fromUri(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"));
        Mailbox box = new Mailbox(settings.local(temporary.url()), temporary.token());

        List<MailboxEntry> entries = device.listMessages(box, null);
        if (entries.isEmpty()) {
            entries = device.listMessages(box, 10);
        }
        MailboxEntry entry = entries.stream().filter(e -> "PROV".equals(e.commandType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PROV message for " + commandId));
        t = list.since(t);

        String location = settings.local(entry.location());
        JsonObject message = device.fetch(location, box.token());
        t = fetch.since(t);

        ProvisioningResult result = device.answerProvisioning(location, message, box.token(), AnswerOptions.valid());
        if (!result.accepted()) {
            throw new IllegalStateException("answer refused: " + result.status() + " " + result.body());
        }
        t = answer.since(t);

        Reply state = client.awaitState(commandId, "COMPLETED", Duration.ofSeconds(30));
        if (!"COMPLETED".equals(state.string("state"))) {
            throw new IllegalStateException("command " + commandId + " ended as " + state);
        }
        complete.since(t);
        if (provisioned.size() < settings.wakeDevices() && result.mailbox() != null) {
            provisioned.add(new Provisioned(result.profileId(), result.mailbox(), result.keys().get("signer")));
        }
    }

    List<Samples> steps() {
        return List.of(submit, list, fetch, answer, complete);
    }
}
