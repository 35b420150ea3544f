package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Fault;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/** Every refusal of the contract, and that a refused request leaves everything as it was. */
@ExtendWith(ArquillianExtension.class)
class RejectionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** A submitted provisioning with its message fetched and not yet answered. */
    record Pending(Server.Client client, String commandId, Mailbox box, String location, JsonObject message) {
        String state() {
            return client.api().get(commandId).string("state");
        }

        boolean stillListed() {
            return client.device().listMessages(box, null).stream().anyMatch(m -> m.location().equals(location));
        }
    }

    static Pending pending(int lifespan, int timeout) {
        Server.Client client = Server.newClient(null);
        Reply submitted = client.api().submit("provision",
                ProvisionCommands.provision().lifespan(lifespan).timeout(timeout).build()).expectOk("submit");
        JsonObject destination = submitted.body().getJsonArray("destinations").getJsonObject(0);
        Mailbox box = Mailbox.fromUri(destination.getString("uri"));
        String location = destination.getString("location");
        return new Pending(client, submitted.string("commandId"), box, location, client.device().fetch(location, box.token()));
    }

    @Test
    void wrongApiKeyIs401AndWritesNothing() {
        Server.Client client = Server.newClient(null);
        HermodClient impostor = new HermodClient(Server.HTTP, Server.baseUrl(), client.clientId(), "wrong-key-wrong-key");
        Reply refused = impostor.submit("provision", ProvisionCommands.provision().externalId("impostor").build());
        assertEquals(401, refused.status());
        assertEquals("UNAUTHORIZED", refused.string("code"));
        assertEquals(0, Server.array(client.api().byExternalId("impostor").raw()).size());
        assertEquals(401, Server.send(Server.request("/hermod/rest/command?externalId=x").GET()).status());
        assertEquals(401, Server.send(Server.request("/hermod/rest/command?externalId=x")
                .header("X-Api-Key", "%%%not-base64").GET()).status());
    }

    @Test
    void anotherClientsCommandIs404() {
        Pending pending = pending(60, 60);
        Server.Client other = Server.newClient(null);
        assertEquals(404, other.api().get(pending.commandId()).status());
        assertEquals(404, other.api().cancel(pending.commandId()).status());
        assertEquals("IN_PROGRESS", pending.state());
        assertTrue(pending.stillListed());
    }

    @Test
    void wrongBoxTokenIs401() {
        Pending pending = pending(60, 60);
        String wrong = "not-the-token";
        assertEquals(401, pending.client().device().list(pending.box().url(), wrong, null).status());
        assertEquals(401, pending.client().device().get(pending.location(), wrong).status());
        assertEquals(401, pending.client().device().answerProvisioning(pending.location(), pending.message(), wrong).status());
        assertEquals("IN_PROGRESS", pending.state());
        assertTrue(pending.stillListed());
    }

    @ParameterizedTest
    @CsvSource({
            "WRONG_NONCE, NONCE_MISMATCH",
            "UNTRUSTED_ATTESTATION_KEY, ATTESTATION_KEY_UNTRUSTED",
            "ALG_NONE, ALG_NOT_ALLOWED",
            "BROKEN_PROOF_OF_POSSESSION, PROOF_OF_POSSESSION_FAILED",
            "CSR_SUBJECT_CHANGED, CSR_SUBJECT_MISMATCH",
            "CSR_OTHER_KEY, CSR_KEY_MISMATCH",
            "WRONG_PROFILE_ID, PROFILE_MISMATCH",
            "TAMPERED_PAYLOAD, CONTENT_CHANGED",
            "TAMPERED_SIGNATURE, SIGNATURE_INVALID"
    })
    void invalidAnswerIs422AndFailsTheCommand(Fault fault, String code) {
        Pending pending = pending(60, 60);
        ProvisioningResult result = pending.client().device()
                .answerProvisioning(pending.location(), pending.message(), pending.box().token(), AnswerOptions.with(fault));
        assertEquals(422, result.status());
        assertEquals(code, result.body().getString("code"));
        JsonObject command = pending.client().api().get(pending.commandId()).body();
        assertEquals("FAILED", command.getString("state"));
        assertEquals(code, command.getJsonObject("error").getString("code"));
        // the profile's mailbox never went live
        assertEquals(410, pending.client().device().list(result.mailbox().url(), result.mailbox().token(), null).status());
    }

    @Test
    void secondAnswerIs409() {
        Pending pending = pending(60, 60);
        assertEquals(200, pending.client().device()
                .answerProvisioning(pending.location(), pending.message(), pending.box().token()).status());
        ProvisioningResult again = pending.client().device()
                .answerProvisioning(pending.location(), pending.message(), pending.box().token());
        assertEquals(409, again.status());
        assertEquals("ALREADY_ANSWERED", again.body().getString("code"));
        assertEquals("COMPLETED", pending.state());
    }

    @Test
    void lifespanPassedIs410() {
        Pending pending = pending(1, 60);
        Await.until("the end of the message's lifespan of 1 s", Duration.ofSeconds(10),
                () -> pending.client().device().listMessages(pending.box(), null).isEmpty());
        Reply fetched = pending.client().device().get(pending.location(), pending.box().token());
        assertEquals(410, fetched.status());
        assertEquals("MESSAGE_GONE", fetched.string("code"));
        assertTrue(pending.client().device().listMessages(pending.box(), null).isEmpty());
        assertEquals("IN_PROGRESS", pending.state());
    }

    @Test
    void timeoutPassedExpiresTheCommand() {
        Pending pending = pending(60, 2);
        JsonObject expired = pending.client().api().awaitState(pending.commandId(), "EXPIRED", Duration.ofSeconds(10)).body();
        assertEquals("EXPIRED", expired.getString("state"));
        assertEquals("TIMEOUT", expired.getJsonObject("error").getString("code"));
        ProvisioningResult late = pending.client().device()
                .answerProvisioning(pending.location(), pending.message(), pending.box().token());
        assertEquals(410, late.status());
        assertEquals("EXPIRED", pending.state());
    }

    @Test
    void malformedJsonIs400WithTheErrorBody() {
        Pending pending = pending(60, 60);
        String apiKey = Base64.getEncoder().encodeToString((pending.client().clientId() + ":" + pending.client().key()).getBytes());
        Reply submit = Server.send(ProvisioningIT.json(Server.request("/hermod/rest/command/provision")
                .header("X-Api-Key", apiKey), "{\"commandHeader\": {"));
        assertEquals(400, submit.status());
        assertEquals("MALFORMED_JSON", submit.string("code"));
        assertTrue(submit.body().getString("message").length() > 0);
        assertTrue(submit.body().containsKey("details"));
        Reply answer = Server.send(ProvisioningIT.json(Server.request(pending.location())
                .header("Authorization", "Bearer " + pending.box().token()), "not json"));
        assertEquals(400, answer.status());
        assertEquals("MALFORMED_JSON", answer.string("code"));
        assertEquals("IN_PROGRESS", pending.state());
        assertTrue(pending.stillListed());
        Reply missingHeader = Server.send(ProvisioningIT.json(Server.request("/hermod/rest/command/provision")
                .header("X-Api-Key", apiKey), "{\"provCommand\":{}}"));
        assertEquals(400, missingHeader.status());
        assertEquals("INVALID_FIELD", missingHeader.string("code"));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        Pending pending = pending(60, 60);
        String big = "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}";
        String apiKey = Base64.getEncoder().encodeToString((pending.client().clientId() + ":" + pending.client().key()).getBytes());
        Reply submit = Server.send(ProvisioningIT.json(Server.request("/hermod/rest/command/provision")
                .header("X-Api-Key", apiKey), big));
        assertEquals(413, submit.status());
        assertEquals("PAYLOAD_TOO_LARGE", submit.string("code"));
        Reply answer = Server.send(ProvisioningIT.json(Server.request(pending.location())
                .header("Authorization", "Bearer " + pending.box().token()), big));
        assertEquals(413, answer.status());
        assertEquals("IN_PROGRESS", pending.state());
        assertTrue(pending.stillListed());
    }

    @Test
    void unknownCommandTypeAndMediaType() {
        Pending pending = pending(60, 60);
        String apiKey = Base64.getEncoder().encodeToString((pending.client().clientId() + ":" + pending.client().key()).getBytes());
        assertEquals(404, Server.send(ProvisioningIT.json(Server.request("/hermod/rest/command/nosuch")
                .header("X-Api-Key", apiKey), "{}")).status());
        Reply text = Server.send(Server.request("/hermod/rest/command/provision").header("X-Api-Key", apiKey)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, text.status());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", text.string("code"));
        List<MailboxEntry> unchanged = pending.client().device().listMessages(pending.box(), null);
        assertEquals(1, unchanged.size());
    }
}
