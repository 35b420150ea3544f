package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.platform.MetricsScrape;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * Deadlines that fell while the server was down are expired quickly once it is back, oldest first,
 * and health answers while they drain. The commands' deadlines fall in ten one-second buckets
 * while the killed server is down. Prints the time from start to healthy and the drain rate, a
 * figure to read rather than assert, since it depends on the machine;
 * {@code hermod.test.backlog} sets the backlog (1,000 by default; the README's figure is for 10,000).
 * It also prints the server's CPU time per expired deadline while draining, and the rate that
 * implies for one core of its own, as the cores of a test machine are often shared. With
 * {@code hermod.test.backlog.callbacks=true} the application server has a callback receiver, so that
 * each expiry also creates its callback, and every command must be called back once, with one
 * delivery id. Command i falls due in bucket {@code i % 10}, so each batch the server expires is
 * spread over the whole table, the worst case for a database's pages; with
 * {@code hermod.test.backlog.blocks=true} the buckets follow the order of submission, as the deadlines
 * of commands with one lifespan do.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryBacklogRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod";
    static final int BUCKETS = 10;
    static final int SAMPLES_PER_BUCKET = 10;
    /** The server process's CPU time, which other processes on the same cores do not distort. */
    static final String CPU = "process_cpu_time_ns_total";

    /** The bytes the database wrote (H2's store, PostgreSQL's write-ahead log): what a deadline costs the disk. */
    static final String WRITTEN = "hermod_database_written_bytes";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void aBacklogOfOverdueDeadlinesDrainsQuicklyAndInDeadlineOrder() throws Exception {
        assumeTrue(System.getProperty("hermod.test.payara.home") == null,
                "kills the WildFly process that the test JVM started; Payara's domain is not its child");
        int backlog = Integer.getInteger("hermod.test.backlog", 1000);
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        boolean withCallbacks = Boolean.getBoolean("hermod.test.backlog.callbacks");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CallbackReceiver receiver = withCallbacks ? CallbackReceiver.started() : null;
        try {
            Server.Client client = Server.newClient(receiver == null ? null : receiver.url());
            ProvisioningResult silent = Devices.provision(client, ProvisionCommands.provision());
            Instant submitting = Instant.now();
            // Room for submitting at about 40 per second: a two-core machine shared with other builds did 26 to 100.
            Instant first = submitting.plusSeconds(20 + backlog / 40);
            List<List<String>> buckets = submit(client, silent, backlog, first, pool);
            Duration submission = Duration.between(submitting, Instant.now());
            assertTrue(Instant.now().isBefore(first.minusSeconds(2)), "submitting " + backlog + " commands took " + submission);

            ServerRestart.kill();
            Duration untilAllDue = Duration.between(Instant.now(), first.plusSeconds(BUCKETS + 1));
            Thread.sleep(Math.max(0, untilAllDue.toMillis()));
            long startMillis = ServerRestart.startAfterKill(controller);
            long healthyAt = System.nanoTime();
            Map<String, Double> atHealthy = MetricsScrape.scrape();
            double expiredAtHealthy = expired(atHealthy);
            double expired = expiredAtHealthy;
            Draining draining = new Draining(atHealthy);
            expired = Await.until(Duration.ofMinutes(3), Duration.ofMillis(250), draining::check, e -> e >= backlog);
            Map<String, Double> last = draining.last;
            int healthChecks = draining.healthChecks;
            long slowestHealthMillis = draining.slowestHealthMillis;
            double drainSeconds = (System.nanoTime() - healthyAt) / 1e9;
            assertTrue(expired >= backlog, expired + " of " + backlog + " deadlines expired since the start");
            double rate = (backlog - expiredAtHealthy) / drainSeconds;
            double drained = Math.max(1, expired - expiredAtHealthy);
            double cpuMillisPerExpiry = MetricsScrape.delta(atHealthy, last, CPU) / 1e6 / drained;
            double writtenPerExpiry = MetricsScrape.delta(atHealthy, last, WRITTEN) / drained;
            System.out.printf(Locale.ROOT, "Backlog of %d deadlines (submitted in %d ms): started to healthy in %d ms with %.0f"
                            + " already expired; the rest drained in %.2f s, %.0f deadlines/s; %d health checks while draining,"
                            + " slowest %d ms; the server's CPU per expired deadline %.3f ms, %.0f/s on one free core;"
                            + " the database wrote %.1f KB per expired deadline%n",
                    backlog, submission.toMillis(), startMillis, expiredAtHealthy, drainSeconds, rate, healthChecks,
                    slowestHealthMillis, cpuMillisPerExpiry, 1000 / cpuMillisPerExpiry, writtenPerExpiry / 1024);

            Instant lastOfEarlier = Instant.MIN;
            for (int b = 0; b < BUCKETS; b += 2) {
                List<Instant> times = new ArrayList<>();
                for (String commandId : buckets.get(b).subList(0, Math.min(SAMPLES_PER_BUCKET, buckets.get(b).size()))) {
                    assertEquals("EXPIRED", client.api().get(commandId).string("state"));
                    times.add(expiredAt(commandId));
                }
                Instant earliest = times.stream().min(Instant::compareTo).orElseThrow();
                assertTrue(!earliest.isBefore(lastOfEarlier), "bucket " + b + " expired at " + earliest
                        + ", before a command due two seconds earlier (" + lastOfEarlier + ")");
                lastOfEarlier = times.stream().max(Instant::compareTo).orElseThrow();
            }
            if (receiver != null) {
                assertCalledBackOnce(receiver, buckets, backlog, healthyAt);
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            pool.shutdownNow();
            try {
                deployer.undeploy(DEPLOYMENT);
            } finally {
                controller.stop(CONTAINER);
            }
        }
    }

    /** Pings nobody answers; command i is due in second {@code i % BUCKETS} after {@code first}, or in blocks. */
    private static List<List<String>> submit(Server.Client client, ProvisioningResult silent, int count, Instant first,
                                             ExecutorService pool) throws Exception {
        List<List<String>> buckets = new ArrayList<>();
        List<List<Future<String>>> pending = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            pending.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            int bucket = Boolean.getBoolean("hermod.test.backlog.blocks") ? i * BUCKETS / count : i % BUCKETS;
            pending.get(bucket).add(pool.submit(() -> {
                long timeout = Duration.between(Instant.now(), first).toSeconds() + bucket;
                JsonObject body = Json.createObjectBuilder(CommandBodies.ping(silent.profileId(), silent.profileId()))
                        .add("commandHeader", CommandBodies.header(List.of(silent.profileId()), (int) timeout, (int) timeout, null))
                        .build();
                return client.api().submit("ping", body).expectOk("submit").string("commandId");
            }));
        }
        for (List<Future<String>> bucket : pending) {
            List<String> ids = new ArrayList<>();
            for (Future<String> submitted : bucket) {
                ids.add(submitted.get(5, TimeUnit.MINUTES));
            }
            buckets.add(ids);
        }
        return buckets;
    }

    /** Every expired command is called back, EXPIRED, under one delivery id; prints when the last arrived. */
    private static void assertCalledBackOnce(CallbackReceiver receiver, List<List<String>> buckets, int backlog,
                                             long healthyAt) {
        Set<String> expected = new HashSet<>();
        buckets.forEach(expected::addAll);
        List<CallbackReceiver.Received> received = Await.until(Duration.ofMinutes(3), Duration.ofMillis(250),
                receiver::received, all -> calledBack(all).containsAll(expected));
        Map<String, List<CallbackReceiver.Received>> byCommand = new HashMap<>();
        for (CallbackReceiver.Received callback : received) {
            byCommand.computeIfAbsent(commandId(callback), id -> new ArrayList<>()).add(callback);
        }
        long lastNanos = received.stream().filter(callback -> expected.contains(commandId(callback)))
                .mapToLong(CallbackReceiver.Received::receivedNanos).max().orElse(healthyAt);
        System.out.printf(Locale.ROOT, "Callbacks: %d received for %d commands, the last %.2f s after healthy%n",
                received.size(), byCommand.size(), (lastNanos - healthyAt) / 1e9);
        for (List<String> bucket : buckets) {
            for (String commandId : bucket) {
                List<CallbackReceiver.Received> calls = byCommand.get(commandId);
                assertTrue(calls != null, "no callback for " + commandId);
                assertEquals(1, calls.stream().map(CallbackReceiver.Received::deliveryId).distinct().count(),
                        "delivery ids of " + commandId);
                assertEquals("EXPIRED", calls.get(0).body().getString("state"), "called back state of " + commandId);
            }
        }
    }

    /** The command ids called back so far; the provisioning that set up the device is among them. */
    private static Set<String> calledBack(List<CallbackReceiver.Received> received) {
        Set<String> ids = new HashSet<>();
        received.forEach(callback -> ids.add(commandId(callback)));
        return ids;
    }

    private static String commandId(CallbackReceiver.Received callback) {
        return callback.body() == null ? "" : callback.body().getString("commandId", "");
    }

    private static double expired(Map<String, Double> scrape) {
        return scrape.getOrDefault("hermod_expiry_lag_seconds_count", 0.0);
    }

    /** When the command became EXPIRED, from its audit entry. */
    private static Instant expiredAt(String commandId) {
        String basic = Base64.getEncoder().encodeToString(
                (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String raw = Server.send(Server.request("/hermod/rest/admin/audit?subjectType=command&subjectId="
                + URLEncoder.encode(commandId, StandardCharsets.UTF_8)).header("Authorization", "Basic " + basic).GET()).raw();
        JsonArray entries = Server.array(raw);
        return entries.stream().map(e -> e.asJsonObject())
                .filter(e -> "EXPIRED".equals(e.getString("action")))
                .map(e -> Instant.parse(e.getString("time")))
                .findFirst().orElseThrow(() -> new AssertionError("no EXPIRED audit entry for " + commandId + ": " + raw));
    }

    /** What the drain looked like from outside: every check asks for health, which must stay up, and the expired count. */
    private static final class Draining {
        Map<String, Double> last;
        int healthChecks;
        long slowestHealthMillis;

        Draining(Map<String, Double> atHealthy) {
            last = atHealthy;
        }

        double check() {
            long asked = System.nanoTime();
            assertEquals(200, Server.send(Server.request("/hermod/rest/health").GET()).status(), "healthy while draining");
            slowestHealthMillis = Math.max(slowestHealthMillis, (System.nanoTime() - asked) / 1_000_000);
            healthChecks++;
            try {
                last = MetricsScrape.scrape();
            } catch (Exception e) {
                throw new AssertionError("the metrics could not be read while draining", e);
            }
            return expired(last);
        }
    }
}
