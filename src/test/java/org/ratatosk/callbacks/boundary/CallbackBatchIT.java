package org.ratatosk.callbacks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.callbacks.control.CallbackDeliveries;
import org.ratatosk.messaging.control.ExpirySweep;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Inside the server, where deadlines can be moved: commands that expire in one batch have their
 * first callback attempts made together, in one transaction, and each still gets its own delivery
 * id, history and retries. The test server retries after 300 ms, 600 ms, then every second, and
 * dead-letters at 4 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class CallbackBatchIT {

    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int ANSWERED = 12;
    static final int UNREACHABLE = 3;
    /** Held here so that the handler added to it is not lost with a collected logger. */
    static final Logger DELIVERIES_LOG = Logger.getLogger(CallbackDeliveries.class.getName());

    @Deployment
    static WebArchive deployment() {
        return Server.war().addClasses(CallbackBatchIT.class, BatchCallbackRecorder.class, BatchCallbackRecorder.Post.class,
                Await.class);
    }

    @Inject
    ExpirySweep sweep;

    static String base() {
        return System.getProperty("hermod.public-url");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new client calling back to {@code callbackUrl}; returns its X-Api-Key. */
    static String client(String callbackUrl) throws Exception {
        String clientId = "batch-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        JsonObject body = Json.createObjectBuilder().add("key", key).add("callbackUrl", callbackUrl)
                .add("attestationKeys", Json.createArrayBuilder()).build();
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin/clients/" + clientId))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertEquals(200, put.statusCode(), put.body());
        return Base64.getEncoder().encodeToString((clientId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A provisioning nobody will answer, due in ten minutes. */
    static String provisioning(String apiKey) throws Exception {
        String provision = """
                {"commandHeader":{"lifespan":600,"timeout":600},
                 "provCommand":{"nonce":"123456789","userid":"userA","responsesignaturekey":"ATTESTATION","responseformat":"jws",
                  "profile":{"servername":"nexus-cod1","name":"TestProfile","keygenrequests":[{"keyid":"signer","usage":"SIG",
                   "keystate":"ACTIVE","storageprios":["APP"],"keytypeprios":[{"keytype":"RSA","keylength":"2048",
                   "responsemechanism":"RS256"}]}]}}}""";
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/command/provision"))
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(provision)));
        assertEquals(200, submitted.statusCode(), submitted.body());
        return Json.createReader(new StringReader(submitted.body())).readObject().getString("commandId");
    }

    static JsonObject admin(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin" + path))
                .header("Authorization", ADMIN).GET());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray attempts(String commandId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + "/hermod/rest/admin/commands/"
                + commandId + "/callback/attempts")).header("Authorization", ADMIN).GET());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Moves the commands' deadlines into the past, as an outage would leave them. */
    static void overdue(List<String> commandIds) throws Exception {
        DataSource database = InitialContext.doLookup("java:comp/DefaultDataSource");
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE command SET timeout_at = ? WHERE id = ?")) {
                for (String commandId : commandIds) {
                    update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
                    update.setString(2, commandId);
                    assertEquals(1, update.executeUpdate());
                }
            }
            connection.commit();
        }
    }

    /**
     * The messages the callback deliveries log while the test runs, caught at their logger: the
     * server's log file may be rotated in the middle of a long suite.
     */
    static final class LogLines extends Handler {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        String text() {
            return String.join("\n", lines);
        }
    }

    @Test
    void commandsExpiredTogetherAreCalledBackTogetherEachUnderItsOwnDeliveryId() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String answering = client(base() + "/hermod/batch-callbacks");
        String unreachable = client("http://127.0.0.1:" + closedPort + "/down");
        List<String> answered = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < ANSWERED; i++) {
            answered.add(provisioning(answering));
        }
        for (int i = 0; i < UNREACHABLE; i++) {
            lost.add(provisioning(unreachable));
        }
        List<String> all = new ArrayList<>(answered);
        all.addAll(lost);
        LogLines log = new LogLines();
        DELIVERIES_LOG.addHandler(log);
        try {
            overdue(all);
            sweep.drain();
            checkDeliveries(answered, lost, log);
        } finally {
            DELIVERIES_LOG.removeHandler(log);
        }
    }

    private void checkDeliveries(List<String> answered, List<String> lost, LogLines log) throws Exception {

        for (String commandId : answered) {
            List<BatchCallbackRecorder.Post> posts = Await.until(Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> BatchCallbackRecorder.posts(commandId), p -> p.size() >= 2);
            assertEquals(List.of(503, 204), posts.stream().map(BatchCallbackRecorder.Post::status).toList(),
                    "refused first, accepted when retried: " + posts);
            assertEquals(1, posts.stream().map(BatchCallbackRecorder.Post::deliveryId).distinct().count(), posts.toString());
            assertTrue(posts.stream().allMatch(p -> p.state().equals("EXPIRED")), posts.toString());
            JsonObject delivery = Await.until(Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> uncheckedAdmin("/commands/" + commandId + "/callback"), d -> "DELIVERED".equals(d.getString("state")));
            assertEquals("DELIVERED", delivery.getString("state"), delivery.toString());
            assertEquals(posts.get(0).deliveryId(), delivery.getString("deliveryId"));
            List<JsonObject> history = attempts(commandId).getValuesAs(JsonObject.class);
            assertEquals(2, history.size(), history.toString());
            assertEquals(503, history.get(0).getInt("httpStatus"));
            assertEquals("HTTP 503", history.get(0).getString("error"));
            assertEquals(204, history.get(1).getInt("httpStatus"));
            assertFalse(history.get(1).containsKey("error"));
        }
        for (String commandId : lost) {
            JsonObject delivery = Await.until(Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> uncheckedAdmin("/commands/" + commandId + "/callback"), d -> "DEAD".equals(d.getString("state")));
            assertEquals("DEAD", delivery.getString("state"), delivery.toString());
            List<JsonObject> history = attempts(commandId).getValuesAs(JsonObject.class);
            assertEquals(delivery.getInt("attempts"), history.size());
            assertTrue(history.size() >= 2, "retried on its own after the batch: " + history);
            history.forEach(attempt -> assertTrue(attempt.getString("error").startsWith("ConnectException")
                    && !attempt.containsKey("httpStatus"), attempt.toString()));
        }
        Matcher batch = Pattern.compile("First callback attempts of (\\d+) command\\(s\\) made together")
                .matcher(log.text());
        int together = 0;
        while (batch.find()) {
            together = Math.max(together, Integer.parseInt(batch.group(1)));
        }
        int all = answered.size() + lost.size();
        assertTrue(together >= all, "the " + all + " first attempts were made together, the most in one"
                + " message: " + together);
    }

    private static JsonObject uncheckedAdmin(String path) {
        try {
            return admin(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
