package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.QrImages;
import org.ratatosk.testsupport.Server;

/** The operator calls the console is made of: any client's command, desk provisioning, callbacks, waiting requests. */
@ExtendWith(ArquillianExtension.class)
class OperatorConsoleApiIT {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void theOperatorFollowsCancelsAndShowsTheQrCodeOfAnyClientsCommand() throws Exception {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        String id = submitted.string("commandId");
        JsonObject read = admin("GET", "/admin/commands/" + id, null).expectOk("read").body();
        assertEquals(client.clientId(), read.getString("clientId"));
        assertEquals("IN_PROGRESS", read.getString("state"));

        HttpResponse<byte[]> png = Server.HTTP.send(Server.request("/hermod/rest/admin/commands/" + id + "/qr?format=png")
                .header("Authorization", ADMIN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"),
                QrImages.text(png.body()));

        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiting = Server.HTTP.sendAsync(Server.request(
                "/hermod/rest/admin/commands/" + id + "?wait=30").header("Authorization", ADMIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Await.stillPending("the operator's long poll", waiting, Duration.ofMillis(500));
        assertEquals("CANCELLED", admin("DELETE", "/admin/commands/" + id, null).expectOk("cancel").string("state"));
        HttpResponse<String> woken = waiting.get(20, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20), "woken by the cancel, not the wait's end");
        assertEquals("CANCELLED", Server.object(woken.body()).getString("state"));
        assertEquals("CANCELLED", client.api().get(id).expectOk("client's view").string("state"));

        Reply again = admin("DELETE", "/admin/commands/" + id, null);
        assertEquals(409, again.status());
        assertEquals("ALREADY_FINAL", again.string("code"));
        assertEquals(404, admin("GET", "/admin/commands/" + UUID.randomUUID(), null).status());
        assertEquals(401, Server.send(Server.request("/hermod/rest/admin/commands/" + id).GET()).status());
    }

    @Test
    void aDeskProvisioningIsTheClientsCommand() {
        Server.Client client = Server.newClient(null);
        Reply submitted = admin("POST", "/admin/clients/" + client.clientId() + "/provision",
                ProvisionCommands.provision().build().toString()).expectOk("desk provisioning");
        String id = submitted.string("commandId");
        assertEquals(client.clientId(), submitted.string("clientId"));
        client.device().provision(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"),
                AnswerOptions.valid());
        assertEquals("COMPLETED", client.api().awaitState(id, "COMPLETED", Duration.ofSeconds(20)).string("state"));

        Reply unknown = admin("POST", "/admin/clients/no-such-" + UUID.randomUUID() + "/provision",
                ProvisionCommands.provision().build().toString());
        assertEquals(404, unknown.status());
        Reply malformed = admin("POST", "/admin/clients/" + client.clientId() + "/provision", "{\"commandHeader\":{}}");
        assertEquals(400, malformed.status());
    }

    @Test
    void aDeadCallbackIsSentOnceMoreUnderItsDeliveryId() throws Exception {
        try (CallbackReceiver receiver = CallbackReceiver.started().alwaysRespond(500)) {
            Server.Client client = Server.newClient(receiver.url());
            String id = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                    .string("commandId");
            assertEquals(404, admin("GET", "/admin/commands/" + id + "/callback", null).status(), "not final yet");
            client.api().cancel(id).expectOk("cancel");
            JsonObject dead = awaitCallback(id, "DEAD");
            assertTrue(dead.getString("lastError").contains("500"), dead.toString());
            assertTrue(admin("GET", "/admin/callbacks/summary", null).expectOk("summary").body().getInt("dead") >= 1);
            int attempts = dead.getInt("attempts");

            receiver.alwaysRespond(204);
            JsonObject queued = admin("POST", "/admin/commands/" + id + "/callback/redeliver", "").expectOk("redeliver").body();
            assertEquals("PENDING", queued.getString("state"));
            JsonObject delivered = awaitCallback(id, "DELIVERED");
            assertEquals(attempts + 1, delivered.getInt("attempts"));
            assertEquals(dead.getString("deliveryId"), delivered.getString("deliveryId"));
            List<CallbackReceiver.Received> posts = receiver.await(id, attempts + 1, Duration.ofSeconds(5));
            assertEquals(attempts + 1, posts.size());
            assertTrue(posts.stream().allMatch(p -> dead.getString("deliveryId").equals(p.deliveryId())));

            Reply notDead = admin("POST", "/admin/commands/" + id + "/callback/redeliver", "");
            assertEquals(409, notDead.status());
            assertEquals("CALLBACK_NOT_DEAD", notDead.string("code"));
        }
    }

    @Test
    void requestsWaitingForApprovalArePagedWithTheirStatement() {
        Approver approver = Approver.rsa("approver");
        String label = "waiting-" + UUID.randomUUID().toString().substring(0, 8);
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 1, approver)), null, null, null));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(KeyApi.post("certificate/request", KeyApi.csrBody(label, "Waiting-" + i)).expectOk("csr").string("signRequestId"));
        }
        List<JsonObject> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HttpResponse<String> page = raw("/admin/key-requests?limit=2" + (after == null ? "" : "&after=" + after));
            assertEquals(200, page.statusCode());
            JsonArray rows = Server.array(page.body());
            assertTrue(rows.size() <= 2);
            rows.forEach(r -> seen.add(r.asJsonObject()));
            after = page.headers().firstValue("Hermod-Next-Cursor").orElse(null);
            pages++;
        } while (after != null && pages < 1000);
        for (String id : ids) {
            JsonObject row = seen.stream().filter(r -> r.getString("id").equals(id)).findFirst().orElseThrow();
            assertEquals("PENDING", row.getString("status"));
            assertTrue(row.getJsonArray("approvedBy").isEmpty());
            assertEquals(List.of(approver.publicKey()), row.getJsonArray("notYetApprovedBy").getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals(approver.task(id).orElseThrow().getString("approvalToBeSigned"), row.getString("approvalToBeSigned"));
        }
        assertEquals(seen.size(), seen.stream().map(r -> r.getString("id")).distinct().count(), "no row twice");
        assertEquals(400, raw("/admin/key-requests?after=not-a-cursor").statusCode());
        assertEquals(400, raw("/admin/key-requests?limit=101").statusCode());
    }

    @Test
    void aClientEditedWithoutAKeyKeepsItsKeyAndCredentials() {
        Server.Client client = Server.newClient("http://127.0.0.1:9/old", "user:secret");
        String path = "/admin/clients/" + client.clientId();
        JsonObject edited = admin("PUT", path, Json.createObjectBuilder().add("callbackUrl", "http://127.0.0.1:9/new")
                .add("attestationKeys", Json.createArrayBuilder()).build().toString()).expectOk("edit").body();
        assertEquals("http://127.0.0.1:9/new", edited.getString("callbackUrl"));
        assertTrue(edited.getBoolean("callbackBasicAuth"), "credentials kept");
        assertEquals(200, client.api().byExternalId("x").status(), "the key still authenticates");
        JsonObject cleared = admin("PUT", path, "{\"callbackBasicAuth\":null,\"attestationKeys\":[]}").expectOk("clear").body();
        assertFalse(cleared.getBoolean("callbackBasicAuth"));
        assertFalse(cleared.containsKey("callbackUrl"));
        Reply newWithoutKey = admin("PUT", "/admin/clients/new-" + UUID.randomUUID(), "{\"attestationKeys\":[]}");
        assertEquals(400, newWithoutKey.status());
    }

    private static JsonObject awaitCallback(String id, String state) {
        Reply last = Await.until(Duration.ofSeconds(60), () -> admin("GET", "/admin/commands/" + id + "/callback", null),
                reply -> reply.status() == 200 && state.equals(reply.string("state")));
        assertEquals(200, last.status(), "callback of " + id);
        assertEquals(state, last.string("state"), "callback of " + id + ": " + last.body());
        return last.body();
    }

    private static Reply admin(String method, String path, String body) {
        HttpRequest.Builder request = Server.request("/hermod/rest" + path).header("Authorization", ADMIN);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return Server.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> raw(String path) {
        try {
            return Server.HTTP.send(Server.request("/hermod/rest" + path).header("Authorization", ADMIN).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
