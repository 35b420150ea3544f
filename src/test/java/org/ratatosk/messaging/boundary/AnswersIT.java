package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.callbacks.boundary.CallbackReceiver;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SignFault;
import org.ratatosk.devicesim.SignatureAnswers;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.testsupport.Server;

/**
 * Answers that must not be half-trusted: of a user's several devices the first valid answer wins
 * and the others' failures stay theirs; a signature accepted once is not accepted again; an answer
 * whose encoding is broken is refused before anything changes.
 */
@ExtendWith(ArquillianExtension.class)
class AnswersIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** Two provisioned devices of one user, and a sign command sent to that user. */
    record TwoDevices(Server.Client client, ProvisioningResult first, ProvisioningResult second, String commandId,
                      SimulatedDevice.Fetched onFirst, SimulatedDevice.Fetched onSecond) {

        Reply answer(ProvisioningResult device, SimulatedDevice.Fetched fetched, SignFault... faults) {
            return client.device().answer(device.mailbox(), fetched, device.profileId(), device.keys(), "signer", false,
                    Set.of(faults));
        }

        Reply decline(ProvisioningResult device, SimulatedDevice.Fetched fetched) {
            return client.device().answer(fetched.location(), device.mailbox().token(),
                    SignatureAnswers.plain("signResponse", 1, JsonValue.EMPTY_JSON_OBJECT));
        }

        JsonObject envelope() {
            return client.api().get(commandId).expectOk("get").body();
        }

        JsonObject destinationOf(ProvisioningResult device) {
            return envelope().getJsonArray("destinations").stream().map(JsonValue::asJsonObject)
                    .filter(d -> d.getString("pid").equals(device.profileId())).findFirst().orElseThrow();
        }
    }

    static TwoDevices twoDevices(String callbackUrl, int timeout) {
        Server.Client client = Server.newClient(callbackUrl);
        ProvisionCommands user = ProvisionCommands.provision();
        ProvisioningResult first = Devices.provision(client, user);
        ProvisioningResult second = Devices.provision(client, ProvisionCommands.provision().userid(user.userid()));
        JsonObject body = CommandBodies.sign("sign", "@" + user.userid(),
                Json.createArrayBuilder().add(CommandBodies.text("doc", "two devices " + System.nanoTime())).build(), "jws", null);
        body = Json.createObjectBuilder(body).add("commandHeader",
                CommandBodies.header(List.of("@" + user.userid()), 60, timeout, null)).build();
        String commandId = client.api().submit("sign", body).expectOk("sign to the user").string("commandId");
        return new TwoDevices(client, first, second, commandId, client.device().next(first.mailbox(), 5),
                client.device().next(second.mailbox(), 5));
    }

    @Test
    void oneDeviceDecliningLeavesTheCommandToTheOther() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            TwoDevices devices = twoDevices(receiver.url(), 60);
            assertEquals(200, devices.decline(devices.first(), devices.onFirst()).status());

            assertEquals("IN_PROGRESS", devices.envelope().getString("state"));
            JsonObject declined = devices.destinationOf(devices.first());
            assertEquals("FAILED", declined.getString("state"));
            assertEquals("DEVICE_ERROR", declined.getJsonObject("error").getString("code"));
            assertEquals("PENDING", devices.destinationOf(devices.second()).getString("state"));
            assertEquals(409, devices.decline(devices.first(), devices.onFirst()).status(), "its message is answered");

            Reply valid = devices.answer(devices.second(), devices.onSecond());
            assertEquals(200, valid.status(), valid.raw());
            JsonObject done = devices.envelope();
            assertEquals("COMPLETED", done.getString("state"));
            assertEquals(devices.onSecond().location(), done.getJsonObject("responseHeader").getString("inReplyTo"));
            assertEquals(0, done.getJsonObject("signResponse").getInt("code"));
            assertFalse(done.containsKey("error"));
            assertEquals("ANSWERED", devices.destinationOf(devices.second()).getString("state"));
            assertEquals("FAILED", devices.destinationOf(devices.first()).getString("state"));

            List<CallbackReceiver.Received> posts = receiver.await(devices.commandId(), 1, WAIT);
            assertEquals("COMPLETED", posts.get(0).body().getString("state"));
            assertEquals(1, receiver.await(devices.commandId(), 2, Duration.ofSeconds(1)).size(), "one callback, on the final state");
        }
    }

    @Test
    void anInvalidAnswerFailsOnlyItsOwnDestination() {
        TwoDevices devices = twoDevices(null, 60);
        Reply invalid = devices.answer(devices.first(), devices.onFirst(), SignFault.WRONG_KEY);
        assertEquals(422, invalid.status(), invalid.raw());
        assertEquals("SIGNATURE_INVALID", invalid.string("code"));
        assertEquals("IN_PROGRESS", devices.envelope().getString("state"));
        assertEquals("SIGNATURE_INVALID", devices.destinationOf(devices.first()).getJsonObject("error").getString("code"));
        assertEquals(1, devices.client().device().listMessages(devices.second().mailbox(), null).size());

        assertEquals(200, devices.answer(devices.second(), devices.onSecond()).status());
        JsonObject done = devices.envelope();
        assertEquals("COMPLETED", done.getString("state"));
        assertEquals(devices.onSecond().location(), done.getJsonObject("responseHeader").getString("inReplyTo"));
        Reply late = devices.answer(devices.first(), devices.onFirst());
        assertEquals(409, late.status(), late.raw());
        assertEquals("COMPLETED", devices.envelope().getString("state"));
    }

    @Test
    void whenEveryDestinationFailsTheCommandFails() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            TwoDevices devices = twoDevices(receiver.url(), 60);
            assertEquals(422, devices.answer(devices.first(), devices.onFirst(), SignFault.CHANGED_TBS).status());
            assertEquals("IN_PROGRESS", devices.envelope().getString("state"));
            assertEquals(200, devices.decline(devices.second(), devices.onSecond()).status());

            JsonObject failed = devices.envelope();
            assertEquals("FAILED", failed.getString("state"));
            assertEquals("DEVICE_ERROR", failed.getJsonObject("error").getString("code"), "the last failure");
            assertEquals("TBS_MISMATCH", devices.destinationOf(devices.first()).getJsonObject("error").getString("code"));
            assertEquals("DEVICE_ERROR", devices.destinationOf(devices.second()).getJsonObject("error").getString("code"));
            List<CallbackReceiver.Received> posts = receiver.await(devices.commandId(), 1, WAIT);
            assertEquals("FAILED", posts.get(0).body().getString("state"));
            assertEquals(1, receiver.await(devices.commandId(), 2, Duration.ofSeconds(1)).size());
        }
    }

    @Test
    void oneFailedDestinationAndOneSilentExpireOnTimeout() {
        TwoDevices devices = twoDevices(null, 2);
        assertEquals(200, devices.decline(devices.first(), devices.onFirst()).status());
        JsonObject expired = devices.client().api().awaitState(devices.commandId(), "EXPIRED", Duration.ofSeconds(10)).body();
        assertEquals("EXPIRED", expired.getString("state"));
        assertEquals("TIMEOUT", expired.getJsonObject("error").getString("code"));
        assertEquals("FAILED", devices.destinationOf(devices.first()).getString("state"));
        assertEquals("WITHDRAWN", devices.destinationOf(devices.second()).getString("state"));
    }

    /** A signed answer for the first of two commands over the same tbs, sent again for the second. */
    @Test
    void aSignatureAcceptedOnceIsAReplayForAnotherCommand() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        for (String format : List.of("jws", "pkcs7")) {
            JsonArray tbs = Json.createArrayBuilder().add(CommandBodies.text("doc", "replay " + format + System.nanoTime())).build();
            String first = client.api().submit("authenticate", CommandBodies.sign("authenticate", profile.profileId(), tbs,
                    format, null)).expectOk("first").string("commandId");
            SimulatedDevice.Fetched fetched = client.device().next(profile.mailbox(), 5);
            JsonObject answer = SignatureAnswers.build(fetched.message(), profile.keys(), "signer", false, Set.of());
            assertEquals(200, client.device().answer(fetched.location(), profile.mailbox().token(), answer).status());
            assertEquals("COMPLETED", client.api().get(first).string("state"));

            String second = client.api().submit("authenticate", CommandBodies.sign("authenticate", profile.profileId(), tbs,
                    format, null)).expectOk("second").string("commandId");
            SimulatedDevice.Fetched again = client.device().next(profile.mailbox(), 5);
            assertEquals(second, again.message().getJsonObject("header").getString("commandId"));
            Reply replayed = client.device().answer(again.location(), profile.mailbox().token(), answer);
            assertEquals(422, replayed.status(), format + ": " + replayed.raw());
            assertEquals("ANSWER_REPLAYED", replayed.string("code"));
            JsonObject envelope = client.api().get(second).body();
            assertEquals("FAILED", envelope.getString("state"), format);
            assertEquals("ANSWER_REPLAYED", envelope.getJsonObject("error").getString("code"));
            assertEquals("COMPLETED", client.api().get(first).string("state"));
        }
    }

    @Test
    void aMalformedSignatureIs400AndChangesNothing() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        JsonArray tbs = Json.createArrayBuilder().add(CommandBodies.text("doc", "bangs " + System.nanoTime())).build();
        String commandId = client.api().submit("sign", CommandBodies.sign("sign", profile.profileId(), tbs, "jws", null))
                .expectOk("sign").string("commandId");
        SimulatedDevice.Fetched fetched = client.device().next(profile.mailbox(), 5);
        JsonObject answer = SignatureAnswers.build(fetched.message(), profile.keys(), "signer", false, Set.of());
        String jws = answer.getJsonObject("signResponse").getJsonObject("result").getString("data");
        int dot = jws.lastIndexOf('.');
        for (String broken : List.of(jws.substring(0, dot + 1) + "!!!" + jws.substring(dot + 1), jws + "==",
                jws + "." + jws.substring(dot + 1))) {
            JsonObject body = Json.createObjectBuilder().add("signResponse", Json.createObjectBuilder().add("code", 0)
                    .add("result", Json.createObjectBuilder().add("contenttype", "jws").add("data", broken))).build();
            Reply refused = client.device().answer(fetched.location(), profile.mailbox().token(), body);
            assertEquals(400, refused.status(), refused.raw());
            assertTrue(Set.of("INVALID_BASE64URL", "MALFORMED_JWS").contains(refused.string("code")), refused.raw());
            JsonObject envelope = client.api().get(commandId).body();
            assertEquals("IN_PROGRESS", envelope.getString("state"));
            assertEquals("PENDING", envelope.getJsonArray("destinations").getJsonObject(0).getString("state"));
        }
        assertEquals(1, client.device().listMessages(profile.mailbox(), null).size(), "still waiting for an answer");
        assertEquals(200, client.device().answer(fetched.location(), profile.mailbox().token(), answer).status());
        assertEquals("COMPLETED", client.api().get(commandId).string("state"));
    }

}
