package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratatosk.platform.MetricsScrape.delta;
import static org.ratatosk.platform.MetricsScrape.scrape;

import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Fault;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * The scrape reflects a provisioning that completes, one whose answer is refused, one that expires,
 * callbacks that are retried or dead-lettered, and the UEM connector's key pool.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void provisioningOutcomesAreCounted() throws Exception {
        Map<String, Double> before = scrape();
        Server.Client client = Server.newClient(null);

        Reply completed = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult valid = client.device().provision(uri(completed), AnswerOptions.valid());
        assertEquals(200, valid.status());

        Reply refused = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult wrongNonce = client.device().provision(uri(refused), AnswerOptions.with(Fault.WRONG_NONCE));
        assertEquals(422, wrongNonce.status());

        Reply expiring = client.api().submit("provision", ProvisionCommands.provision().lifespan(1).timeout(1).build())
                .expectOk("submit");
        assertEquals("EXPIRED", client.api().awaitState(expiring.string("commandId"), "EXPIRED", Duration.ofSeconds(20))
                .string("state"));

        Map<String, Double> after = scrape();
        assertEquals(3, delta(before, after, "hermod_commands_submitted_total{type=\"PROV\"}"));
        assertEquals(1, delta(before, after, "hermod_commands_finished_total{state=\"COMPLETED\",type=\"PROV\"}"));
        assertEquals(1, delta(before, after, "hermod_commands_finished_total{state=\"FAILED\",type=\"PROV\"}"));
        assertEquals(1, delta(before, after, "hermod_answer_validation_failures_total{reason=\"NONCE_MISMATCH\"}"));
        assertTrue(delta(before, after, "hermod_commands_finished_total{state=\"EXPIRED\",type=\"PROV\"}") >= 1);
        assertTrue(delta(before, after, "hermod_expiry_lag_seconds_count") >= 1);
        assertEquals(after.get("hermod_expiry_lag_seconds_count"), after.get("hermod_expiry_lag_seconds_bucket{le=\"+Inf\"}"));
    }

    @Test
    void callbackAttemptsAndDeadLettersAreCounted() throws Exception {
        Map<String, Double> before = scrape();
        try (CallbackReceiver retried = CallbackReceiver.started().respond(500);
             CallbackReceiver refusing = CallbackReceiver.started().alwaysRespond(500)) {
            Server.Client patient = Server.newClient(retried.url());
            Server.Client hopeless = Server.newClient(refusing.url());
            String delivered = patient.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            patient.api().cancel(delivered).expectOk("cancel");
            String dead = hopeless.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            hopeless.api().cancel(dead).expectOk("cancel");
            assertEquals(2, retried.await(delivered, 2, Duration.ofSeconds(15)).size());
            awaitCallbackState(hopeless, dead, "DEAD");
            awaitCallbackState(patient, delivered, "DELIVERED");
        }
        Map<String, Double> after = scrape();
        assertEquals(1, delta(before, after, "hermod_callback_attempts_total{outcome=\"delivered\"}"));
        assertTrue(delta(before, after, "hermod_callback_attempts_total{outcome=\"failed\"}") >= 2);
        assertEquals(1, delta(before, after, "hermod_dead_letters_total{kind=\"callback\"}"));
    }

    private static void awaitCallbackState(Server.Client client, String commandId, String state) {
        Await.until("callback of " + commandId + " becoming " + state, Duration.ofSeconds(15), () -> {
            var callback = client.api().get(commandId).body().getJsonObject("callback");
            return callback != null && state.equals(callback.getString("state"));
        });
    }

    private static String uri(Reply submitted) {
        return submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri");
    }

    /**
     * The binders' JVM, GC, JIT compiler, thread and process meters come from the server's own JVM:
     * its CPU time grows with work done, and on WildFly the connection pool of the data source is shown.
     */
    @Test
    void serverJvmAndProcessAreScraped() throws Exception {
        Map<String, Double> before = scrape();
        Server.Client client = Server.newClient(null);
        for (int i = 0; i < 20; i++) {
            client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        }
        Map<String, Double> after = scrape();
        assertTrue(delta(before, after, "process_cpu_time_ns_total") > 0, "the server's CPU time grows");
        assertTrue(after.get("process_uptime_seconds") > 0);
        assertTrue(after.get("jvm_threads_live_threads") > 10);
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{area=\"heap\"")), "heap");
        assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_")), "gc");
        assertTrue(after.get("system_cpu_count") >= 1);
        assertTrue(after.entrySet().stream().anyMatch(e -> e.getKey().startsWith("jvm_compilation_time_ms_total") && e.getValue() > 0),
                "the JIT compilers' time is shown: " + after.keySet());
        assertTrue(after.get("hermod_jit_compiler_cpu_seconds_total") > 0, "the JIT compiler threads' CPU is shown");
        assertTrue(after.get("hermod_database_size_bytes") > 0, "database size");
        double written = delta(before, after, "hermod_database_written_bytes");
        assertTrue(written > 20 * 1024, "20 submissions wrote " + written + " bytes");
        if (!"payara".equals(System.getProperty("arquillian.launch"))) {
            // The server may define more than one Hermod data source (H2 beside PostgreSQL); the one
            // in use shows a connection used. Its figures are read at most once a second, so a
            // scrape right after the submissions may still show those of the scrape before them.
            assertTrue(after.keySet().stream().anyMatch(k -> k.startsWith(POOL_MAX_USED)),
                    "no connection pool gauge: " + after.keySet());
            double used = Await.until(Duration.ofSeconds(10), Duration.ofMillis(250), MetricsIT::mostConnectionsUsed,
                    value -> value >= 1);
            assertTrue(used >= 1, "a Hermod data source used a connection: " + used);
        }
    }

    /** The UEM connector's reserve of key pairs fills up to its size (8 by default) after start. */
    @Test
    void uemKeyPoolIsShownFull() throws Exception {
        Double available = Await.until(Duration.ofSeconds(90), Duration.ofMillis(250),
                () -> sample("hermod_uem_key_pool_available"), Double.valueOf(8.0)::equals);
        assertEquals(8.0, available);
    }

    private static final String POOL_MAX_USED = "jdbc_connections_max_used{name=\"Hermod";

    /** The most connections any Hermod data source had in use at once, from a fresh scrape. */
    private static double mostConnectionsUsed() {
        return freshScrape().entrySet().stream().filter(e -> e.getKey().startsWith(POOL_MAX_USED))
                .mapToDouble(Map.Entry::getValue).max().orElse(Double.NaN);
    }

    /** One sample of a fresh scrape; null when the scrape lacks it. */
    private static Double sample(String name) {
        return freshScrape().get(name);
    }

    private static Map<String, Double> freshScrape() {
        try {
            return scrape();
        } catch (Exception e) {
            throw new AssertionError("the metrics could not be read", e);
        }
    }
}
