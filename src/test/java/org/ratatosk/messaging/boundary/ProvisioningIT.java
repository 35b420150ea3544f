package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Fault;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.TestCa;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/** The whole provisioning and certificate round trip, driven by the device simulator over HTTP. */
@ExtendWith(ArquillianExtension.class)
class ProvisioningIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void deviceIsProvisionedAndReceivesItsCertificate() {
        Server.Client client = Server.newClient(null);
        ProvisionCommands command = ProvisionCommands.provision().externalId("ext-" + System.nanoTime());
        Reply submitted = client.api().submit("provision", command.build()).expectOk("submit");
        JsonObject destination = submitted.body().getJsonArray("destinations").getJsonObject(0);
        assertEquals("IN_PROGRESS", submitted.string("state"));
        assertEquals("PROV", submitted.string("commandType"));
        assertEquals("@tmp", destination.getString("to"));
        assertTrue(destination.getString("uri").startsWith("com.nexusgroup.plugout:///?url="));
        assertEquals(Server.baseUrl() + "/hermod/rest/ms/" + destination.getString("bid") + "/" + destination.getString("mid"),
                destination.getString("location"));

        ProvisioningResult provisioned = client.device().provision(destination.getString("uri"), AnswerOptions.valid());
        assertEquals(200, provisioned.status(), provisioned.body() == null ? "" : provisioned.body().toString());
        assertEquals(destination.getString("location"), provisioned.body().getJsonObject("responseHeader").getString("inReplyTo"));
        assertEquals(destination.getString("pid"), provisioned.profileId());

        String commandId = submitted.string("commandId");
        JsonObject completed = client.api().get(commandId).expectOk("get").body();
        assertEquals("COMPLETED", completed.getString("state"));
        assertEquals(command.build().getJsonObject("commandHeader").getString("externalId"), completed.getString("externalId"));
        assertEquals(provisioned.jws(), completed.getJsonObject("provResponse").getJsonObject("result").getString("data"));
        assertEquals(200, completed.getJsonObject("responseHeader").getInt("status"));
        var byExternal = Server.array(client.api().byExternalId(completed.getString("externalId")).raw());
        assertEquals(1, byExternal.size());
        assertEquals(commandId, byExternal.getJsonObject(0).getString("commandId"));

        // the temporary mailbox is spent; the permanent one is live and empty
        assertEquals(410, client.device().list(Mailbox.fromUri(destination.getString("uri")).url(),
                Mailbox.fromUri(destination.getString("uri")).token(), null).status());
        assertTrue(client.device().listMessages(provisioned.mailbox(), null).isEmpty());

        KeyPair signer = provisioned.keys().get("signer");
        var certificate = new TestCa().issue(signer.getPublic(), "CN=" + command.userid());
        Reply cert = client.api().submit("certificate",
                ProvisionCommands.certificate(provisioned.profileId(), "signer", certificate, 60)).expectOk("cert");
        assertEquals(provisioned.profileId(), cert.body().getJsonArray("destinations").getJsonObject(0).getString("pid"));
        List<MailboxEntry> messages = client.device().listMessages(provisioned.mailbox(), 5);
        assertEquals(1, messages.size());
        assertEquals("CERT", messages.get(0).commandType());
        JsonObject message = client.device().fetch(messages.get(0).location(), provisioned.mailbox().token());
        assertEquals(cert.string("commandId"), message.getJsonObject("header").getString("commandId"));
        assertEquals("signer", message.getJsonObject("certCommand").getJsonArray("certificates").getJsonObject(0).getString("keyid"));
        assertEquals(200, client.device().answerCertificate(messages.get(0).location(), provisioned.mailbox().token()).status());
        JsonObject certDone = client.api().get(cert.string("commandId")).body();
        assertEquals("COMPLETED", certDone.getString("state"));
        assertEquals(0, certDone.getJsonObject("certResponse").getInt("code"));
    }

    @Test
    void userAddressReachesTheProvisionedProfile() {
        Server.Client client = Server.newClient(null);
        ProvisionCommands command = ProvisionCommands.provision();
        ProvisioningResult provisioned = provision(client, command);
        var certificate = new TestCa().issue(provisioned.keys().get("signer").getPublic(), "CN=x");
        JsonObject body = ProvisionCommands.certificate(provisioned.profileId(), "signer", certificate, 60);
        JsonObject toUser = Json.createObjectBuilder(body).add("commandHeader", Json.createObjectBuilder(body.getJsonObject("commandHeader"))
                .add("to", Json.createArrayBuilder().add("@" + command.userid()))).build();
        Reply reply = client.api().submit("certificate", toUser).expectOk("cert to user");
        assertEquals("@" + command.userid(), reply.body().getJsonArray("destinations").getJsonObject(0).getString("to"));
        assertEquals(provisioned.profileId(), reply.body().getJsonArray("destinations").getJsonObject(0).getString("pid"));
    }

    @Test
    void certificateForAnotherKeyIsRefusedAtSubmission() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult provisioned = provision(client, ProvisionCommands.provision());
        KeyPair other = org.ratatosk.devicesim.KeySpec.rsa(2048).generate();
        Reply reply = client.api().submit("certificate",
                ProvisionCommands.certificate(provisioned.profileId(), "signer", new TestCa().issue(other.getPublic(), "CN=x"), 60));
        assertEquals(422, reply.status());
        assertEquals("CERTIFICATE_KEY_MISMATCH", reply.string("code"));
        assertTrue(client.device().listMessages(provisioned.mailbox(), null).isEmpty());
    }

    @Test
    void cancelledCommandIsWithdrawn() {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        Mailbox box = Mailbox.fromUri(submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"));
        String location = submitted.body().getJsonArray("destinations").getJsonObject(0).getString("location");
        Reply cancelled = client.api().cancel(submitted.string("commandId"));
        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", cancelled.string("state"));
        assertEquals(409, client.api().cancel(submitted.string("commandId")).status());
        assertEquals(410, client.device().get(location, box.token()).status());
    }

    @Test
    void longPollWakesWhenACommandArrives() throws Exception {
        Server.Client client = Server.newClient(null);
        ProvisioningResult provisioned = provision(client, ProvisionCommands.provision());
        var certificate = new TestCa().issue(provisioned.keys().get("signer").getPublic(), "CN=x");
        var poll = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> client.device().listMessages(provisioned.mailbox(), 30));
        Await.stillPending("the long poll on an empty mailbox", poll, Duration.ofMillis(500));
        long submitted = System.nanoTime();
        client.api().submit("certificate", ProvisionCommands.certificate(provisioned.profileId(), "signer", certificate, 60))
                .expectOk("cert");
        List<MailboxEntry> woken = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
        long waitedMillis = Duration.ofNanos(System.nanoTime() - submitted).toMillis();
        assertEquals(1, woken.size());
        assertTrue(waitedMillis < 5000, "woken after " + waitedMillis + " ms");
    }

    @Test
    void longPollReturnsEmptyAtItsTime() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult provisioned = provision(client, ProvisionCommands.provision());
        long start = System.nanoTime();
        assertTrue(client.device().listMessages(provisioned.mailbox(), 1).isEmpty());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900);
        assertEquals(400, client.device().list(provisioned.mailbox().url(), provisioned.mailbox().token(), 61).status());
    }

    @Test
    void seedSpellingsAreAccepted() {
        Server.Client client = Server.newClient(null);
        JsonObject body = ProvisionCommands.provision().build();
        JsonObject request = body.getJsonObject("provCommand").getJsonObject("profile").getJsonArray("keygenrequests").getJsonObject(0);
        JsonObject misspelt = Json.createObjectBuilder(request).remove("keytypeprios")
                .add("keytypepriors", request.getJsonArray("keytypeprios"))
                .add("storagepriors", Json.createArrayBuilder().add("APP")).build();
        JsonObject command = Json.createObjectBuilder(body).add("provCommand", Json.createObjectBuilder(body.getJsonObject("provCommand"))
                .add("profile", Json.createObjectBuilder(body.getJsonObject("provCommand").getJsonObject("profile"))
                        .add("keygenrequests", Json.createArrayBuilder().add(misspelt)))).build();
        Reply submitted = client.api().submit("provision", command).expectOk("submit");
        ProvisioningResult provisioned = client.device().provision(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, provisioned.status(), String.valueOf(provisioned.body()));
        assertEquals("COMPLETED", client.api().get(submitted.string("commandId")).string("state"));
    }

    @Test
    void healthIsUpWithoutAuthentication() {
        Reply health = Server.send(Server.request("/hermod/rest/health").GET());
        assertEquals(200, health.status());
        assertEquals("UP", health.string("status"));
        assertEquals("UP", health.body().getJsonObject("checks").getJsonObject("database").getString("status"));
        assertEquals("UP", health.body().getJsonObject("checks").getJsonObject("messaging").getString("status"));
    }

    @Test
    void operatorApiNeverShowsTheKey() {
        Server.Client client = Server.newClient("http://127.0.0.1:9/rest");
        String basic = java.util.Base64.getEncoder().encodeToString((Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes());
        Reply shown = Server.send(Server.request("/hermod/rest/admin/clients/" + client.clientId())
                .header("Authorization", "Basic " + basic).GET());
        assertEquals(200, shown.status());
        assertEquals("http://127.0.0.1:9/rest", shown.string("callbackUrl"));
        assertFalse(shown.raw().contains(client.key()));
        assertEquals(401, Server.send(Server.request("/hermod/rest/admin/clients").GET()).status());
        assertEquals(401, Server.send(Server.request("/hermod/rest/admin/clients")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes())).GET()).status());
        Reply deleted = Server.send(Server.request("/hermod/rest/admin/clients/" + client.clientId())
                .header("Authorization", "Basic " + basic).DELETE());
        assertEquals(204, deleted.status());
        assertEquals(401, client.api().byExternalId("x").status());
    }

    static ProvisioningResult provision(Server.Client client, ProvisionCommands command) {
        Reply submitted = client.api().submit("provision", command.build()).expectOk("submit");
        ProvisioningResult result = client.device().provision(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, result.status(), String.valueOf(result.body()));
        assertNotNull(result.mailbox());
        return result;
    }

    static HttpRequest.Builder json(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static AnswerOptions faulty(Fault fault) {
        return AnswerOptions.with(fault);
    }
}
