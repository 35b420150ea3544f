package org.ratatosk.callbacks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SignatureAnswers;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.messaging.boundary.Devices;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Callbacks as an application server receives them, on a receiver inside the test. The test
 * server retries after 300 ms, 600 ms, then every second, and dead-letters at 4 s (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class CallbacksIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** Polls the command until its callback field has {@code state}; returns that field. */
    static JsonObject callbackState(Server.Client client, String commandId, String state) {
        JsonObject callback = Await.until(WAIT, () -> client.api().get(commandId).body().getJsonObject("callback"),
                c -> c != null && state.equals(c.getString("state")));
        if (callback != null && state.equals(callback.getString("state"))) {
            return callback;
        }
        throw new AssertionError("callback of " + commandId + " never became " + state + ", last: " + callback);
    }

    @Test
    void completedProvisioningIsPostedWithBasicAuthAndDeliveryId() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            Server.Client client = Server.newClient(receiver.url(), "appserver:cb-s3cret");
            Reply submitted = client.api().submit("provision", ProvisionCommands.provision().externalId("cb-1").build())
                    .expectOk("submit");
            String commandId = submitted.string("commandId");
            client.device().provision(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"),
                    org.ratatosk.devicesim.AnswerOptions.valid());

            List<CallbackReceiver.Received> posts = receiver.await(commandId, 1, WAIT);
            assertEquals(1, posts.size());
            CallbackReceiver.Received post = posts.get(0);
            assertEquals("/app/rest/callback/provision", post.path());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("appserver:cb-s3cret".getBytes(StandardCharsets.UTF_8)),
                    post.authorization());
            assertNotNull(post.deliveryId());
            assertEquals("COMPLETED", post.body().getString("state"));
            assertEquals("cb-1", post.body().getString("externalId"));
            assertEquals(0, post.body().getJsonObject("provResponse").getInt("code"));
            assertEquals(200, post.body().getJsonObject("responseHeader").getInt("status"));

            JsonObject callback = callbackState(client, commandId, "DELIVERED");
            assertEquals(1, callback.getInt("attempts"));
            assertFalse(callback.containsKey("lastError"));
        }
    }

    @Test
    void everyFinalStateIsPostedToItsTypesPath() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            Server.Client client = Server.newClient(receiver.url());
            ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());

            String cancelled = client.api().submit("ping", CommandBodies.ping(profile.profileId(), profile.profileId()))
                    .expectOk("ping").string("commandId");
            client.api().cancel(cancelled).expectOk("cancel");

            String failed = client.api().submit("startpinreset", CommandBodies.startPinReset(profile.profileId(), "card-1"))
                    .expectOk("spin").string("commandId");
            SimulatedDevice.Fetched spin = fetch(client, profile, failed);
            assertEquals(200, client.device().answer(spin.location(), profile.mailbox().token(),
                    SignatureAnswers.plain("spinResponse", 7, jakarta.json.JsonValue.EMPTY_JSON_OBJECT)).status());

            JsonObject shortPing = CommandBodies.ping(profile.profileId(), profile.profileId());
            shortPing = jakarta.json.Json.createObjectBuilder(shortPing).add("commandHeader",
                    CommandBodies.header(List.of(profile.profileId()), 1, 1, null)).build();
            String expired = client.api().submit("ping", shortPing).expectOk("short ping").string("commandId");

            assertEquals("CANCELLED", only(receiver, cancelled, "/app/rest/callback/ping").getString("state"));
            assertEquals("EXPIRED", only(receiver, expired, "/app/rest/callback/ping").getString("state"));
            JsonObject failedEnvelope = only(receiver, failed, "/app/rest/callback/startpinreset");
            assertEquals("FAILED", failedEnvelope.getString("state"));
            assertEquals("DEVICE_ERROR", failedEnvelope.getJsonObject("error").getString("code"));
            assertEquals(7, failedEnvelope.getJsonObject("spinResponse").getInt("code"));
        }
    }

    @Test
    void failedAttemptsAreRetriedUnderOneDeliveryId() {
        try (CallbackReceiver receiver = CallbackReceiver.started().respond(500, 503)) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            client.api().cancel(commandId).expectOk("cancel");
            List<CallbackReceiver.Received> posts = receiver.await(commandId, 3, WAIT);
            assertEquals(3, posts.size());
            Set<String> ids = posts.stream().map(CallbackReceiver.Received::deliveryId).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "one delivery id across retries");
            assertTrue(posts.get(2).receivedNanos() - posts.get(0).receivedNanos() >= Duration.ofMillis(800).toNanos(),
                    "retries wait 300 ms, then 600 ms");
            JsonObject callback = callbackState(client, commandId, "DELIVERED");
            assertEquals(3, callback.getInt("attempts"));
            assertEquals("HTTP 503", callback.getString("lastError"));
        }
    }

    @Test
    void deliveryIsDeadLetteredAtItsMaximumAge() {
        try (CallbackReceiver receiver = CallbackReceiver.started().alwaysRespond(500)) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            client.api().cancel(commandId).expectOk("cancel");
            JsonObject callback = callbackState(client, commandId, "DEAD");
            assertEquals("HTTP 500", callback.getString("lastError"));
            assertTrue(callback.getInt("attempts") >= 4, callback.toString());
            assertEquals(callback.getInt("attempts"),
                    receiver.await(commandId, callback.getInt("attempts") + 1, Duration.ofMillis(1500)).size(),
                    "no attempt after the delivery is dead");
        }
    }

    @Test
    void unreachableAndSlowReceiversAreRecordedAndRetried() {
        try (CallbackReceiver receiver = CallbackReceiver.started().pause(Duration.ofMillis(2600))) {
            Server.Client client = Server.newClient(receiver.url());
            String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            client.api().cancel(commandId).expectOk("cancel");
            receiver.await(commandId, 1, WAIT);
            receiver.pause(Duration.ZERO);
            JsonObject callback = callbackState(client, commandId, "DELIVERED");
            assertTrue(callback.getInt("attempts") >= 2, callback.toString());
            assertEquals("No answer within 2000 ms", callback.getString("lastError"));
        }
        CallbackReceiver down = CallbackReceiver.notStarted();
        Server.Client client = Server.newClient(down.url());
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        client.api().cancel(commandId).expectOk("cancel");
        JsonObject callback = callbackState(client, commandId, "DEAD");
        assertTrue(callback.getString("lastError").startsWith("ConnectException"), callback.toString());
    }

    @Test
    void clientsWithoutCallbackUrlGetNoCallbackField() {
        Server.Client client = Server.newClient(null);
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        JsonObject cancelled = client.api().cancel(commandId).expectOk("cancel").body();
        assertEquals("CANCELLED", cancelled.getString("state"));
        assertFalse(client.api().get(commandId).body().containsKey("callback"));
    }

    private static SimulatedDevice.Fetched fetch(Server.Client client, ProvisioningResult profile, String commandId) {
        SimulatedDevice.Fetched fetched = client.device().next(profile.mailbox(), 5);
        assertEquals(commandId, fetched.message().getJsonObject("header").getString("commandId"));
        return fetched;
    }

    private static JsonObject only(CallbackReceiver receiver, String commandId, String path) {
        List<CallbackReceiver.Received> posts = receiver.await(commandId, 1, WAIT);
        assertEquals(1, posts.size(), "callbacks for " + commandId);
        assertEquals(path, posts.get(0).path());
        return posts.get(0).body();
    }

}
