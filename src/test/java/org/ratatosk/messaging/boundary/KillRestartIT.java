package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * Nothing the server acknowledged is lost when its process is killed. Three times, at a random
 * moment while 500 commands are pending, devices answer them and a callback receiver refuses the
 * first POST of every delivery, WildFly is killed with {@code kill -9} and started again. After each
 * restart: every answer that got 200 has its command COMPLETED; once the rest is answered or
 * expired, every command has one final state, delivered under one delivery id, and no other state
 * reached the receiver; the audit chain verifies. Counts are printed per kill.
 */
@ExtendWith(ArquillianExtension.class)
class KillRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod";
    static final int KILLS = 3;
    static final int PENDING = 500;
    static final int DEVICES = 8;
    /** Commands to a device that never answers, with a timeout that usually falls in the outage. */
    static final int EXPIRING = 40;
    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "EXPIRED", "CANCELLED");

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void nothingAcknowledgedIsLostWhenTheServerIsKilled() throws Exception {
        assumeTrue(System.getProperty("hermod.test.payara.home") == null,
                "kills the WildFly process that the test JVM started; Payara's domain is not its child");
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        ExecutorService pool = Executors.newFixedThreadPool(DEVICES + 4);
        try (FlakyCallbackReceiver receiver = new FlakyCallbackReceiver()) {
            Server.Client client = Server.newClient(receiver.url());
            List<ProvisioningResult> devices = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                devices.add(Devices.provision(client, ProvisionCommands.provision()));
            }
            ProvisioningResult silent = Devices.provision(client, ProvisionCommands.provision());
            Map<String, Boolean> commands = new ConcurrentHashMap<>();
            Random random = new Random();
            int acknowledgedInAll = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                Map<String, String> commandByLocation = new ConcurrentHashMap<>();
                submit(client, devices, silent, commandByLocation, commands, pool);
                Answering answering = new Answering(client.device(), devices, commandByLocation);
                List<Future<?>> answerers = answering.start(pool);
                long answeringMillis = 1000 + random.nextInt(4000);
                Thread.sleep(answeringMillis);
                ServerRestart.kill();
                Set<String> acknowledged = Set.copyOf(answering.acknowledged);
                acknowledgedInAll += acknowledged.size();
                long restartMillis = ServerRestart.startAfterKill(controller);

                int completed = 0;
                List<String> lost = new ArrayList<>();
                for (String commandId : acknowledged) {
                    if ("COMPLETED".equals(client.api().get(commandId).string("state"))) {
                        completed++;
                    } else {
                        lost.add(commandId);
                    }
                }
                long settling = System.nanoTime();
                List<String> unsettled = awaitSettled(client, commands.keySet(), Duration.ofMinutes(3));
                long settledMillis = (System.nanoTime() - settling) / 1_000_000;
                answering.stop(answerers);
                List<String> duplicated = new ArrayList<>();
                List<String> undelivered = new ArrayList<>();
                List<String> histories = new ArrayList<>();
                for (String commandId : commands.keySet()) {
                    JsonObject envelope = client.api().get(commandId).body();
                    if (!settled(envelope)) {
                        continue;
                    }
                    FlakyCallbackReceiver.Seen seen = receiver.seen(commandId);
                    if (seen == null || seen.acceptedDeliveryIds().isEmpty()) {
                        undelivered.add(commandId);
                    }
                    if (seen != null && (seen.deliveryIds().size() != 1 || seen.acceptedDeliveryIds().size() > 1
                            || !seen.states().equals(Set.of(envelope.getString("state"))))) {
                        duplicated.add(commandId + " " + seen);
                    }
                    String history = historyMismatch(commandId, envelope.getJsonObject("callback"), seen, receiver);
                    if (history != null) {
                        histories.add(commandId + " " + history);
                    }
                }
                JsonObject audit = admin("/hermod/rest/admin/audit/verify");
                System.out.printf("Kill %d after %d ms of answers: %d acknowledged, %d completed, %d lost, %d duplicated;"
                                + " %d commands so far, %d unsettled, %d undelivered, %d callback POSTs;"
                                + " restart to healthy %d ms, settled %d ms later; audit %s; answers refused %s%n",
                        kill, answeringMillis, acknowledged.size(), completed, lost.size(), duplicated.size(),
                        commands.size(), unsettled.size(), undelivered.size(), receiver.posts(),
                        restartMillis, settledMillis, audit, answering.refused);
                assertEquals(List.of(), lost, "acknowledged answers whose command is not COMPLETED after kill " + kill);
                assertEquals(List.of(), unsettled, "commands not final with their callback delivered 3 minutes after kill " + kill);
                assertEquals(List.of(), duplicated, "commands with a second delivery or final state after kill " + kill);
                assertEquals(List.of(), undelivered, "final states not delivered after kill " + kill);
                assertEquals(List.of(), histories, "attempt histories that differ from their deliveries after kill " + kill);
                assertTrue(audit.getBoolean("valid"), audit.toString());
            }
            assertTrue(acknowledgedInAll > 0, "the devices' answers were acknowledged before the kills");
        } finally {
            pool.shutdownNow();
            try {
                deployer.undeploy(DEPLOYMENT);
            } finally {
                controller.stop(CONTAINER);
            }
        }
    }

    /** {@value #PENDING} pings spread over the devices, and {@value #EXPIRING} that nobody answers. */
    private static void submit(Server.Client client, List<ProvisioningResult> devices, ProvisioningResult silent,
                               Map<String, String> commandByLocation, Map<String, Boolean> commands, ExecutorService pool)
            throws Exception {
        List<Future<?>> submissions = new ArrayList<>();
        for (int i = 0; i < PENDING + EXPIRING; i++) {
            boolean expiring = i >= PENDING;
            ProvisioningResult target = expiring ? silent : devices.get(i % devices.size());
            int timeout = expiring ? 20 : 600;
            submissions.add(pool.submit(() -> {
                JsonObject body = Json.createObjectBuilder(CommandBodies.ping(target.profileId(), target.profileId()))
                        .add("commandHeader", CommandBodies.header(List.of(target.profileId()), timeout, timeout, null))
                        .build();
                Reply submitted = client.api().submit("ping", body).expectOk("submit");
                String commandId = submitted.string("commandId");
                commands.put(commandId, expiring);
                commandByLocation.put(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("location"),
                        commandId);
            }));
        }
        for (Future<?> submission : submissions) {
            submission.get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * Waits until every command is final and its callback delivered, keeping the devices answering
     * meanwhile; returns those that are not by the timeout, each with its state and callback.
     */
    private static List<String> awaitSettled(Server.Client client, Set<String> commandIds, Duration timeout) {
        Set<String> open = ConcurrentHashMap.newKeySet();
        open.addAll(commandIds);
        Await.until(timeout, Duration.ofSeconds(1), () -> {
            open.removeIf(commandId -> settled(client.api().get(commandId).body()));
            return open.isEmpty();
        }, settled -> settled);
        List<String> unsettled = new ArrayList<>();
        for (String commandId : open) {
            JsonObject envelope = client.api().get(commandId).body();
            if (!settled(envelope)) {
                unsettled.add(commandId + " " + envelope.getString("state") + " callback " + envelope.get("callback"));
            }
        }
        return unsettled;
    }

    private static boolean settled(JsonObject envelope) {
        JsonObject callback = envelope.getJsonObject("callback");
        return FINAL.contains(envelope.getString("state")) && callback != null
                && "DELIVERED".equals(callback.getString("state"));
    }

    /**
     * Why the command's attempt history does not match its delivered callback, or null: one row per
     * attempt the delivery counts, numbered from 1, only the last one accepted, and no more rows
     * than POSTs the receiver saw (an attempt cut off by the kill left a POST but no row).
     */
    private static String historyMismatch(String commandId, JsonObject callback, FlakyCallbackReceiver.Seen seen,
                                          FlakyCallbackReceiver receiver) {
        JsonArray rows = attempts(commandId);
        if (callback == null || rows.size() != callback.getInt("attempts")) {
            return "has " + rows.size() + " attempt rows for " + callback;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            boolean last = i == rows.size() - 1;
            int status = row.getInt("httpStatus", 0);
            if (row.getInt("attempt") != i + 1 || last != (status >= 200 && status < 300) || last == row.containsKey("error")) {
                return "row " + i + " is " + row;
            }
        }
        int posts = seen == null ? 0 : receiver.posts(seen.deliveryIds().iterator().next());
        return rows.size() > posts ? rows.size() + " rows but " + posts + " POSTs" : null;
    }

    private static JsonArray attempts(String commandId) {
        String basic = Base64.getEncoder().encodeToString(
                (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        Reply reply = Server.send(Server.request("/hermod/rest/admin/commands/" + commandId + "/callback/attempts")
                .header("Authorization", "Basic " + basic).GET()).expectOk("attempts of " + commandId);
        return Server.array(reply.raw());
    }

    private static JsonObject admin(String path) {
        String basic = Base64.getEncoder().encodeToString(
                (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return Server.send(Server.request(path).header("Authorization", "Basic " + basic).GET()).body();
    }

    /** One thread per device, fetching and answering its pings until stopped; remembers which answers got 200. */
    private static final class Answering {

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        /** The answers the server did not take, by status and body: what the devices saw around the kill. */
        final Map<String, Integer> refused = new ConcurrentHashMap<>();
        private final SimulatedDevice device;
        private final List<ProvisioningResult> devices;
        private final Map<String, String> commandByLocation;
        private volatile boolean stopped;

        Answering(SimulatedDevice device, List<ProvisioningResult> devices, Map<String, String> commandByLocation) {
            this.device = device;
            this.devices = devices;
            this.commandByLocation = commandByLocation;
        }

        List<Future<?>> start(ExecutorService pool) {
            List<Future<?>> answerers = new ArrayList<>();
            for (ProvisioningResult profile : devices) {
                answerers.add(pool.submit(() -> answerAll(profile)));
            }
            return answerers;
        }

        void stop(List<Future<?>> answerers) throws Exception {
            stopped = true;
            for (Future<?> answerer : answerers) {
                answerer.get(1, TimeUnit.MINUTES);
            }
        }

        private void answerAll(ProvisioningResult profile) {
            while (!stopped) {
                try {
                    List<MailboxEntry> entries = device.listMessages(profile.mailbox(), null);
                    if (entries.isEmpty()) {
                        Thread.sleep(200);
                    }
                    for (MailboxEntry entry : entries) {
                        if (stopped) {
                            return;
                        }
                        SimulatedDevice.Fetched fetched = new SimulatedDevice.Fetched(entry.location(),
                                device.fetch(entry.location(), profile.mailbox().token()));
                        Reply reply = device.answer(profile.mailbox(), fetched, profile, "signer");
                        if (reply.status() == 200) {
                            String commandId = commandByLocation.get(entry.location());
                            if (commandId != null) {
                                acknowledged.add(commandId);
                            }
                        } else {
                            refused.merge(reply.status() + " " + reply.raw().replaceAll("\\s+", " ")
                                    .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"), 1, Integer::sum);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
