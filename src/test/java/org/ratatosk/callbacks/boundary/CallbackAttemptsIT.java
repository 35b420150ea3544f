package org.ratatosk.callbacks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;

/**
 * The operator's history of a callback's attempts: each with its number, start, duration, the
 * receiver's status and the error, in the order they were made, a page at a time. The test server
 * retries after 300 ms, 600 ms, then every second, and dead-letters at 4 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class CallbackAttemptsIT {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    private static String cancelledCommand(Server.Client client) {
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        client.api().cancel(commandId).expectOk("cancel");
        return commandId;
    }

    private static String attemptsPath(String commandId) {
        return "/hermod/rest/admin/commands/" + commandId + "/callback/attempts";
    }

    private static JsonObject delivery(String commandId) {
        return Server.send(Server.request("/hermod/rest/admin/commands/" + commandId + "/callback")
                .header("Authorization", ADMIN).GET()).expectOk("callback").body();
    }

    @Test
    void aReceiverThatFailsTwiceThenAcceptsShowsThreeAttempts() {
        try (CallbackReceiver receiver = CallbackReceiver.started().respond(500, 503)) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = cancelledCommand(client);
            CallbacksIT.callbackState(client, commandId, "DELIVERED");

            JsonArray attempts = Pages.all(attemptsPath(commandId), "Authorization", ADMIN);
            assertEquals(3, attempts.size(), attempts.toString());
            List<JsonObject> rows = attempts.getValuesAs(JsonObject.class);
            assertEquals(List.of(1, 2, 3), rows.stream().map(a -> a.getInt("attempt")).toList());
            assertEquals(List.of(500, 503, 204), rows.stream().map(a -> a.getInt("httpStatus")).toList());
            assertEquals("HTTP 500", rows.get(0).getString("error"));
            assertEquals("HTTP 503", rows.get(1).getString("error"));
            assertFalse(rows.get(2).containsKey("error"), "the delivered attempt has no error");

            JsonObject delivery = delivery(commandId);
            assertEquals(3, delivery.getInt("attempts"));
            Instant created = Instant.parse(delivery.getString("createdAt"));
            Instant delivered = Instant.parse(delivery.getString("deliveredAt"));
            Instant previous = created;
            for (JsonObject attempt : rows) {
                Instant started = Instant.parse(attempt.getString("startedAt"));
                assertFalse(started.isBefore(previous), "attempts start in order after the delivery opened: " + attempts);
                long duration = attempt.getJsonNumber("durationMs").longValue();
                assertTrue(duration >= 0 && duration < 5_000, attempt.toString());
                assertFalse(started.plusMillis(duration).isAfter(delivered.plusMillis(1)), attempt.toString());
                previous = started;
            }
            assertTrue(Duration.between(Instant.parse(rows.get(0).getString("startedAt")),
                    Instant.parse(rows.get(1).getString("startedAt"))).toMillis() >= 300, "the first retry waits 300 ms");
            assertEquals(1, rows.stream().map(a -> a.getString("node")).distinct().count(), "one server made them");
            assertFalse(rows.get(0).getString("node").isBlank());
            assertEquals(1, receiver.received().stream().map(CallbackReceiver.Received::deliveryId)
                    .collect(Collectors.toSet()).size(), "one delivery id across the attempts");
        }
    }

    @Test
    void attemptsArePagedByNumber() {
        try (CallbackReceiver receiver = CallbackReceiver.started().respond(500, 503)) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = cancelledCommand(client);
            CallbacksIT.callbackState(client, commandId, "DELIVERED");

            HttpResponse<String> first = Pages.get(attemptsPath(commandId) + "?limit=2", "Authorization", ADMIN);
            assertEquals(List.of(1, 2), Pages.array(first).getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getInt("attempt")).toList());
            String cursor = Pages.nextCursor(first).orElseThrow(() -> new AssertionError("a third attempt follows"));
            assertEquals("<" + attemptsPath(commandId) + "?limit=2&after=" + cursor + ">; rel=\"next\"",
                    first.headers().firstValue("Link").orElse(null));
            HttpResponse<String> second = Pages.get(attemptsPath(commandId) + "?limit=2&after=" + cursor,
                    "Authorization", ADMIN);
            assertEquals(List.of(3), Pages.array(second).getValuesAs(JsonObject.class).stream()
                    .map(a -> a.getInt("attempt")).toList());
            assertTrue(Pages.nextCursor(second).isEmpty(), "the last page names no next one");

            assertEquals(400, Pages.get(attemptsPath(commandId) + "?limit=101", "Authorization", ADMIN).statusCode());
            HttpResponse<String> forged = Pages.get(attemptsPath(commandId) + "?after=bm90LW91cnM", "Authorization", ADMIN);
            assertEquals(400, forged.statusCode());
            assertTrue(forged.body().contains("INVALID_FIELD"), forged.body());
            assertEquals(401, Pages.get(attemptsPath(commandId)).statusCode(), "operators only");
        }
    }

    @Test
    void anUnreachableReceiverGivesAttemptsWithoutStatusUntilTheDeliveryDies() {
        CallbackReceiver down = CallbackReceiver.notStarted();
        Server.Client client = Server.newClient(down.url());
        String commandId = cancelledCommand(client);
        CallbacksIT.callbackState(client, commandId, "DEAD");

        JsonObject delivery = delivery(commandId);
        List<JsonObject> rows = Pages.all(attemptsPath(commandId), "Authorization", ADMIN).getValuesAs(JsonObject.class);
        assertEquals(delivery.getInt("attempts"), rows.size(), "one row per attempt the delivery counts");
        for (int i = 0; i < rows.size(); i++) {
            JsonObject attempt = rows.get(i);
            assertEquals(i + 1, attempt.getInt("attempt"));
            assertFalse(attempt.containsKey("httpStatus"), "no answer came: " + attempt);
            assertTrue(attempt.getString("error").startsWith("ConnectException"), attempt.toString());
        }
        assertEquals(delivery.getString("lastError"), rows.get(rows.size() - 1).getString("error"));
    }

    @Test
    void aCommandWithoutCallbackHasNoAttempts() {
        Server.Client client = Server.newClient(null);
        String commandId = cancelledCommand(client);
        HttpResponse<String> none = Pages.get(attemptsPath(commandId), "Authorization", ADMIN);
        assertEquals(404, none.statusCode(), none.body());
        assertEquals(404, Pages.get(attemptsPath("no-such-command"), "Authorization", ADMIN).statusCode());
    }
}
