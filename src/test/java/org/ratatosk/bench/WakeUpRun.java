package org.ratatosk.bench;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.devicesim.TestCa;

/**
 * How long a device parked in a long poll waits after the application server's submit returns:
 * the push-like latency users feel, which a throughput figure hides.
 */
final class WakeUpRun {

    private static final int WAIT_SECONDS = 30;
    private static final long SETTLE_MILLIS = 150;

    final Samples latency = new Samples("wake-up");

    private final BenchSettings settings;
    private final HermodClient client;
    private final SimulatedDevice device;
    private final List<ProvisioningRun.Provisioned> devices;
    private final List<JsonObject> commands;
    private final ExecutorService pollers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "long-poll");
        thread.setDaemon(true);
        return thread;
    });

    private record Polled(List<MailboxEntry> entries, long atNanos) {
    }

    WakeUpRun(BenchSettings settings, HermodClient client, SimulatedDevice device, List<ProvisioningRun.Provisioned> devices) {
        this.settings = settings;
        this.client = client;
        this.device = device;
        this.devices = devices;
        TestCa ca = new TestCa();
        // Issued before measuring: one certificate per device, sent again for every sample.
        this.commands = devices.stream().map(d -> {
            X509Certificate certificate = ca.issue(d.signer().getPublic(), "CN=" + d.profileId() + ",O=Ratatosk Benchmark");
            return ProvisionCommands.certificate(d.profileId(), "signer", certificate, 60);
        }).toList();
    }

    Workers.Outcome run(int samples) throws InterruptedException {
        try {
            return Workers.run("wake-up", devices.size(), samples, settings.phaseLimit(), (worker, n) -> sample(worker));
        } finally {
            pollers.shutdownNow();
        }
    }

    private void sample(int worker) throws Exception {
        ProvisioningRun.Provisioned target = devices.get(worker);
        Mailbox box = new Mailbox(settings.local(target.mailbox().url()), target.mailbox().token());
        CompletableFuture<Polled> poll = CompletableFuture.supplyAsync(
                () -> new Polled(device.listMessages(box, WAIT_SECONDS), System.nanoTime()), pollers);
        Thread.sleep(SETTLE_MILLIS);
        if (poll.isDone()) {
            answerAll(box, poll.get().entries());
            throw new IllegalStateException("long poll returned before the command was sent: " + poll.get().entries());
        }
        client.submit("certificate", commands.get(worker)).expectOk("submit certificate");
        long submitted = System.nanoTime();
        Polled polled = poll.get(WAIT_SECONDS + 15L, TimeUnit.SECONDS);
        if (polled.entries().isEmpty()) {
            throw new IllegalStateException("long poll ended empty after " + WAIT_SECONDS + " s");
        }
        latency.add(Math.max(0, polled.atNanos() - submitted));
        answerAll(box, polled.entries());
    }

    // Answer what arrived so the next long poll waits again instead of returning at once.
    private void answerAll(Mailbox box, List<MailboxEntry> entries) {
        for (MailboxEntry entry : entries) {
            device.answerCertificate(settings.local(entry.location()), box.token()).expectOk("answer " + entry.commandType());
        }
    }
}
