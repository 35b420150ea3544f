package org.ratatosk.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SignatureAnswers;
import org.ratatosk.devicesim.SimulatedDevice;

/**
 * Signed answers and their callbacks. Commands are submitted, fetched and their answers signed
 * before measuring, so the figures are the server's: verifying answers as fast as the devices send
 * them, and, at a fixed rate of answers, the time from a device's answer to the callback's arrival.
 */
final class SigningRun {

    /** A fetched sign command with its answer ready to post. */
    record Staged(String commandId, String location, String token, JsonObject answer) {
    }

    private final BenchSettings settings;
    private final HermodClient client;
    private final SimulatedDevice device;
    private final List<ProvisioningRun.Provisioned> devices;
    private final CallbackSink sink;
    private final AtomicInteger stages = new AtomicInteger();

    SigningRun(BenchSettings settings, HermodClient client, SimulatedDevice device,
               List<ProvisioningRun.Provisioned> devices, CallbackSink sink) {
        this.settings = settings;
        this.client = client;
        this.device = device;
        this.devices = devices;
        this.sink = sink;
    }

    /**
     * Each stage signs texts of its own: a device's RSA signature over the same text is the same
     * bytes, which the server refuses as a replayed answer.
     */
    List<Staged> stage(String format, int count) throws InterruptedException {
        int stage = stages.incrementAndGet();
        List<Staged> staged = Collections.synchronizedList(new ArrayList<>());
        Workers.Outcome outcome = Workers.run("stage-" + format, settings.devices(), count, settings.phaseLimit(), (worker, n) -> {
            ProvisioningRun.Provisioned target = devices.get(n % devices.size());
            JsonArray tbs = Json.createArrayBuilder().add(CommandBodies.text("doc", "benchmark " + format + " " + stage + "." + n)).build();
            Reply submitted = client.submit("sign", CommandBodies.sign("sign", target.profileId(), tbs, format, null))
                    .expectOk("submit sign");
            String location = settings.local(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("location"));
            JsonObject message = device.fetch(location, target.mailbox().token());
            JsonObject answer = SignatureAnswers.build(message, Map.of("signer", target.signer()), "signer", false, Set.of());
            staged.add(new Staged(submitted.string("commandId"), location, target.mailbox().token(), answer));
        });
        if (outcome.failed() > 0) {
            System.out.println("  staging " + format + ": " + outcome.failed() + " failed");
        }
        return new ArrayList<>(staged);
    }

    /** Posts every staged answer as fast as {@code devices} threads can; the rate is answers verified per second. */
    Workers.Outcome verifyAsFastAsPossible(String name, List<Staged> staged, Samples answerLatency) throws InterruptedException {
        return Workers.run(name, settings.devices(), staged.size(), settings.phaseLimit(), (worker, n) -> {
            Staged s = staged.get(n);
            long start = System.nanoTime();
            Reply reply = device.answer(s.location(), s.token(), s.answer());
            if (reply.status() != 200) {
                throw new IllegalStateException("answer refused: " + reply);
            }
            answerLatency.since(start);
        });
    }

    /** Callbacks of the staged commands: how many arrived and at what rate since {@code startNanos}. */
    String callbackRate(List<Staged> staged, long startNanos) throws InterruptedException {
        long last = startNanos;
        int arrived = 0;
        for (Staged s : staged) {
            long at = sink.awaitReceipt(s.commandId(), 30_000);
            if (at > 0) {
                arrived++;
                last = Math.max(last, at);
            }
        }
        double seconds = (last - startNanos) / 1e9;
        return String.format(java.util.Locale.ROOT, "%d of %d callbacks delivered, %.1f callbacks/s", arrived, staged.size(),
                seconds > 0 ? arrived / seconds : 0.0);
    }

    /** Posts the staged answers at {@code rate} per second and times each from the post to its callback's arrival. */
    String paced(List<Staged> staged, int rate, Samples answerLatency, Samples toCallback) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(8, settings.devices()), runnable -> {
            Thread thread = new Thread(runnable, "paced-answer");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger failed = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < staged.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Staged s = staged.get(i);
            pool.execute(() -> {
                long sent = System.nanoTime();
                try {
                    Reply reply = device.answer(s.location(), s.token(), s.answer());
                    if (reply.status() != 200) {
                        if (failed.incrementAndGet() <= 3) {
                            System.out.println("  paced answer refused: " + reply);
                        }
                        return;
                    }
                    answerLatency.since(sent);
                    long at = sink.awaitReceipt(s.commandId(), 30_000);
                    if (at < 0) {
                        failed.incrementAndGet();
                    } else {
                        toCallback.add(Math.max(0, at - sent));
                    }
                } catch (RuntimeException | InterruptedException e) {
                    failed.incrementAndGet();
                }
            });
        }
        double offered = staged.size() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        return String.format(java.util.Locale.ROOT, "%d answers offered at %.1f/s, %d failed", staged.size(), offered, failed.get());
    }
}
