package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SignFault;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.testsupport.Server;

/** Sign and authenticate end to end: the server verifies JWS and CMS answers against the profile's keys. */
@ExtendWith(ArquillianExtension.class)
class SigningIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static JsonArray tbs() {
        return Json.createArrayBuilder()
                .add(CommandBodies.text("doc", "I agree to pay 100 EUR"))
                .add(Json.createObjectBuilder().add("key", "hash").add("data", Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}))
                        .add("content_encoding", "base64").add("visible", false))
                .build();
    }

    static JsonArray oneTbs() {
        return Json.createArrayBuilder().add(CommandBodies.text("doc", "Log me in, nonce " + System.nanoTime())).build();
    }

    /** Submits, fetches from the profile's mailbox and answers; returns the answer's reply and the final envelope. */
    static Reply[] roundTrip(Server.Client client, ProvisioningResult profile, String type, JsonArray tbs, String format,
                             boolean detached, Set<SignFault> faults) {
        Reply submitted = client.api().submit(type, CommandBodies.sign(type, profile.profileId(), tbs, format, null))
                .expectOk("submit " + type);
        SimulatedDevice.Fetched fetched = client.device().next(profile.mailbox(), 5);
        assertEquals(submitted.string("commandId"), fetched.message().getJsonObject("header").getString("commandId"));
        Reply answered = client.device().answer(profile.mailbox(), fetched, profile.profileId(), profile.keys(), "signer",
                detached, faults);
        return new Reply[]{answered, client.api().get(submitted.string("commandId"))};
    }

    @Test
    void jwsAndCmsAnswersOfAnRsaKeyComplete() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());

        Reply[] jws = roundTrip(client, profile, "sign", tbs(), "jws", false, Set.of());
        assertEquals(200, jws[0].status(), jws[0].raw());
        assertEquals("COMPLETED", jws[1].string("state"));
        assertEquals("SIGN", jws[1].string("commandType"));
        assertEquals("jws", jws[1].body().getJsonObject("signResponse").getJsonObject("result").getString("contenttype"));

        Reply[] cms = roundTrip(client, profile, "sign", oneTbs(), "pkcs7", false, Set.of());
        assertEquals(200, cms[0].status(), cms[0].raw());
        assertEquals("COMPLETED", cms[1].string("state"));

        Reply[] detached = roundTrip(client, profile, "authenticate", oneTbs(), "pkcs7", true, Set.of());
        assertEquals(200, detached[0].status(), detached[0].raw());
        assertEquals("COMPLETED", detached[1].string("state"));
        assertEquals("AUTH", detached[1].string("commandType"));
        assertTrue(detached[1].body().containsKey("authResponse"));
    }

    @Test
    void ecKeysSignToo() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client,
                ProvisionCommands.provision().key("signer", ProvisionCommands.ec(256)));
        assertEquals("COMPLETED", roundTrip(client, profile, "authenticate", tbs(), "jws", false, Set.of())[1].string("state"));
        assertEquals("COMPLETED", roundTrip(client, profile, "sign", oneTbs(), "pkcs7", true, Set.of())[1].string("state"));
    }

    @Test
    void wrongKeyChangedDataAndWrongFormatFail() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        expectFailure(roundTrip(client, profile, "sign", tbs(), "jws", false, Set.of(SignFault.WRONG_KEY)), "SIGNATURE_INVALID");
        expectFailure(roundTrip(client, profile, "sign", tbs(), "jws", false, Set.of(SignFault.CHANGED_TBS)), "TBS_MISMATCH");
        expectFailure(roundTrip(client, profile, "sign", tbs(), "jws", false, Set.of(SignFault.UNKNOWN_KID)), "UNKNOWN_KEY");
        expectFailure(roundTrip(client, profile, "sign", oneTbs(), "jws", false, Set.of(SignFault.WRONG_FORMAT)), "WRONG_FORMAT");
        expectFailure(roundTrip(client, profile, "authenticate", oneTbs(), "pkcs7", false, Set.of(SignFault.WRONG_KEY)), "SIGNATURE_INVALID");
        expectFailure(roundTrip(client, profile, "authenticate", oneTbs(), "pkcs7", false, Set.of(SignFault.CHANGED_TBS)), "TBS_MISMATCH");
        expectFailure(roundTrip(client, profile, "authenticate", oneTbs(), "pkcs7", true, Set.of(SignFault.CHANGED_TBS)), "TBS_MISMATCH");
        expectFailure(roundTrip(client, profile, "authenticate", oneTbs(), "pkcs7", false, Set.of(SignFault.WRONG_FORMAT)), "WRONG_FORMAT");
    }

    private static void expectFailure(Reply[] outcome, String code) {
        assertEquals(422, outcome[0].status(), outcome[0].raw());
        assertEquals(code, outcome[0].string("code"));
        assertEquals("FAILED", outcome[1].string("state"));
        assertEquals(code, outcome[1].body().getJsonObject("error").getString("code"));
    }

    @Test
    void invalidParamsAreRefusedAndQueueNothing() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        JsonArray fakeImage = Json.createArrayBuilder().add(Json.createObjectBuilder().add("data",
                Base64.getEncoder().encodeToString("GIF89a not a jpeg".getBytes())).add("content_type", "image/jpeg")
                .add("content_encoding", "base64")).build();
        Reply image = client.api().submit("authenticate", CommandBodies.sign("authenticate", profile.profileId(), fakeImage, "jws", "bad-image"));
        assertEquals(400, image.status());
        assertEquals("INVALID_FIELD", image.string("code"));
        Reply twoForCms = client.api().submit("sign", CommandBodies.sign("sign", profile.profileId(), tbs(), "pkcs7", "two"));
        assertEquals(400, twoForCms.status());
        Reply format = client.api().submit("sign", CommandBodies.sign("sign", profile.profileId(), tbs(), "xml", "xml"));
        assertEquals(400, format.status());
        JsonObject png = Json.createObjectBuilder().add("data", Base64.getEncoder().encodeToString(
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0})).add("content_type", "image/png")
                .add("content_encoding", "base64").build();
        Reply withPng = client.api().submit("authenticate", CommandBodies.sign("authenticate", profile.profileId(),
                Json.createArrayBuilder().add(png).build(), "pkcs7", "png"));
        assertEquals(200, withPng.status(), withPng.raw());
        assertEquals(1, client.device().listMessages(profile.mailbox(), null).size(), "only the valid command was queued");
        assertEquals(0, Server.array(client.api().byExternalId("bad-image").raw()).size());
    }
}
