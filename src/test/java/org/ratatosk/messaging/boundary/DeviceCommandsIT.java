package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.CommandBodies;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.devicesim.SimulatedDevice;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/** Ping, delete, pin reset, {@code @user} fan-out, idempotent externalId and the command long poll. */
@ExtendWith(ArquillianExtension.class)
class DeviceCommandsIT {

    static final String ADMIN_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static JsonObject roundTrip(Server.Client client, ProvisioningResult profile, String type, JsonObject body) {
        Reply submitted = client.api().submit(type, body).expectOk("submit " + type);
        SimulatedDevice.Fetched fetched = client.device().next(profile.mailbox(), 5);
        String bodyKey = body.keySet().stream().filter(k -> !k.equals("commandHeader")).findFirst().orElseThrow();
        assertEquals(body.getJsonObject(bodyKey), fetched.message().getJsonObject(bodyKey), "relayed unchanged");
        Reply answered = client.device().answer(profile.mailbox(), fetched, profile, "signer");
        assertEquals(200, answered.status(), answered.raw());
        return client.api().get(submitted.string("commandId")).body();
    }

    @Test
    void pingReportsDeviceAndProfiles() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        JsonObject done = roundTrip(client, profile, "ping", CommandBodies.ping(profile.profileId(), profile.profileId()));
        assertEquals("COMPLETED", done.getString("state"));
        assertEquals("PING", done.getString("commandType"));
        JsonObject response = done.getJsonObject("pingResponse");
        assertEquals("devicesim", response.getJsonObject("deviceinfo").getString("model"));
        assertEquals(profile.profileId(), response.getJsonArray("profileinfo").getJsonObject(0).getString("pid"));
    }

    @Test
    void pinResetIsRelayedBothWays() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        JsonObject spin = roundTrip(client, profile, "startpinreset", CommandBodies.startPinReset(profile.profileId(), "card-7"));
        assertEquals("COMPLETED", spin.getString("state"));
        String nonce = spin.getJsonObject("spinResponse").getString("nonce");
        JsonObject epin = roundTrip(client, profile, "endpinreset",
                CommandBodies.endPinReset(profile.profileId(), "card-7", "enc(" + nonce + ")", ADMIN_KEY));
        assertEquals("COMPLETED", epin.getString("state"));
        assertEquals("EPIN", epin.getString("commandType"));

        Reply badKey = client.api().submit("endpinreset",
                CommandBodies.endPinReset(profile.profileId(), "card-7", "x", ADMIN_KEY.toUpperCase()));
        assertEquals(400, badKey.status());
        assertEquals("INVALID_FIELD", badKey.string("code"));
        JsonObject badLevel = Json.createObjectBuilder(CommandBodies.startPinReset(profile.profileId(), "c"))
                .add("spinCommand", Json.createObjectBuilder().add("smartcardid", "c").add("desktopKeyProtectionLevel", "MAYBE"))
                .build();
        assertEquals(400, client.api().submit("startpinreset", badLevel).status());
        assertTrue(client.device().listMessages(profile.mailbox(), null).isEmpty(), "refused commands queue nothing");
    }

    @Test
    void confirmedDeleteRemovesTheProfileAndItsMailbox() {
        Server.Client client = Server.newClient(null);
        ProvisionCommands user = ProvisionCommands.provision();
        ProvisioningResult kept = Devices.provision(client, user);
        JsonObject unconfirmed = roundTrip(client, kept, "delete", CommandBodies.delete(kept.profileId(), kept.profileId(), false));
        assertEquals("COMPLETED", unconfirmed.getString("state"));
        assertEquals(200, client.device().list(kept.mailbox().url(), kept.mailbox().token(), null).status());

        JsonObject deleted = roundTrip(client, kept, "delete", CommandBodies.delete(kept.profileId(), kept.profileId(), true));
        assertEquals("COMPLETED", deleted.getString("state"));
        assertEquals(410, client.device().list(kept.mailbox().url(), kept.mailbox().token(), null).status());
        Reply toDeleted = client.api().submit("ping", CommandBodies.ping(kept.profileId(), kept.profileId()));
        assertEquals(422, toDeleted.status());
        assertEquals("UNKNOWN_RECIPIENT", toDeleted.string("code"));
        Reply toUser = client.api().submit("ping", CommandBodies.ping("@" + user.userid(), kept.profileId()));
        assertEquals(422, toUser.status(), "the user has no active profile left");
    }

    @Test
    void userAddressFansOutAndTheFirstAnswerWins() {
        Server.Client client = Server.newClient(null);
        ProvisionCommands user = ProvisionCommands.provision();
        ProvisioningResult first = Devices.provision(client, user);
        ProvisioningResult second = Devices.provision(client, ProvisionCommands.provision().userid(user.userid()));
        JsonObject tbs = CommandBodies.text("doc", "fan-out");
        Reply submitted = client.api().submit("sign", CommandBodies.sign("sign", "@" + user.userid(),
                Json.createArrayBuilder().add(tbs).build(), "jws", null)).expectOk("sign to user");
        assertEquals(2, submitted.body().getJsonArray("destinations").size());
        assertEquals(Set.of(first.profileId(), second.profileId()), Set.of(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("pid"),
                submitted.body().getJsonArray("destinations").getJsonObject(1).getString("pid")));
        assertEquals(submitted.body(), client.api().get(submitted.string("commandId")).body(),
                "the envelope a submission answers with is the one it stored");

        SimulatedDevice.Fetched onFirst = client.device().next(first.mailbox(), 5);
        SimulatedDevice.Fetched onSecond = client.device().next(second.mailbox(), 5);
        assertNotEquals(onFirst.location(), onSecond.location());
        assertEquals(200, client.device().answer(second.mailbox(), onSecond, second, "signer").status());

        JsonObject done = client.api().get(submitted.string("commandId")).body();
        assertEquals("COMPLETED", done.getString("state"));
        assertEquals(onSecond.location(), done.getJsonObject("responseHeader").getString("inReplyTo"));
        assertEquals(410, client.device().get(onFirst.location(), first.mailbox().token()).status());
        assertTrue(client.device().listMessages(first.mailbox(), null).isEmpty());
        assertEquals(409, client.device().answer(first.mailbox(), onFirst, first, "signer").status(),
                "a later answer to a command another device completed");
        assertEquals(409, client.device().answer(second.mailbox(), onSecond, second, "signer").status());
        assertEquals("COMPLETED", client.api().get(submitted.string("commandId")).string("state"));
    }

    @Test
    void externalIdMakesEveryTypeIdempotent() {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        String pid = profile.profileId();
        List<JsonObject> bodies = List.of(
                withExternalId(CommandBodies.ping(pid, pid), "same"),
                withExternalId(CommandBodies.sign("sign", pid, Json.createArrayBuilder().add(CommandBodies.text("a", "b")).build(), "jws", null), "same"),
                withExternalId(CommandBodies.sign("authenticate", pid, Json.createArrayBuilder().add(CommandBodies.text("a", "b")).build(), "jws", null), "same"),
                withExternalId(CommandBodies.startPinReset(pid, "c"), "same"),
                withExternalId(CommandBodies.endPinReset(pid, "c", "n", null), "same"),
                withExternalId(CommandBodies.delete(pid, pid, false), "same"),
                withExternalId(ProvisionCommands.provision().build(), "same"));
        List<String> types = List.of("ping", "sign", "authenticate", "startpinreset", "endpinreset", "delete", "provision");
        for (int i = 0; i < bodies.size(); i++) {
            JsonObject body = bodies.get(i);
            String type = types.get(i);
            Reply first = client.api().submit(type, body).expectOk(type);
            Reply again = client.api().submit(type, reordered(body)).expectOk(type + " again");
            assertEquals(first.string("commandId"), again.string("commandId"), type);
            assertEquals(first.body().getJsonArray("destinations"), again.body().getJsonArray("destinations"), type);
            JsonObject changedHeader = Json.createObjectBuilder(body).add("commandHeader",
                    Json.createObjectBuilder(body.getJsonObject("commandHeader")).add("lifespan", 59)).build();
            Reply conflict = client.api().submit(type, changedHeader);
            assertEquals(409, conflict.status(), type);
            assertEquals("EXTERNAL_ID_CONFLICT", conflict.string("code"));
        }
        assertEquals(types.size(), Server.array(client.api().byExternalId("same").raw()).size());
        assertEquals(types.size() - 1, client.device().listMessages(profile.mailbox(), null).size(),
                "one message per command to the profile, none for the retries");
    }

    @Test
    void simultaneousRetriesCreateOneCommand() throws Exception {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        JsonObject body = withExternalId(CommandBodies.ping(profile.profileId(), profile.profileId()), "race");
        List<CompletableFuture<Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> client.api().submit("ping", body)));
        }
        Set<String> ids = new java.util.HashSet<>();
        for (CompletableFuture<Reply> reply : replies) {
            Reply r = reply.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.raw());
            ids.add(r.string("commandId"));
        }
        assertEquals(1, ids.size());
        assertEquals(1, client.device().listMessages(profile.mailbox(), null).size());
    }

    @Test
    void longPollAnswersWhenTheCommandEnds() throws Exception {
        Server.Client client = Server.newClient(null);
        ProvisioningResult profile = Devices.provision(client, ProvisionCommands.provision());
        String commandId = client.api().submit("ping", CommandBodies.ping(profile.profileId(), profile.profileId()))
                .expectOk("ping").string("commandId");
        CompletableFuture<Reply> poll = CompletableFuture.supplyAsync(() -> client.api().await(commandId, 30));
        Await.stillPending("the poll on a command in progress", poll, Duration.ofMillis(700));
        long answered = System.nanoTime();
        client.device().answer(profile.mailbox(), client.device().next(profile.mailbox(), 5), profile, "signer");
        Reply woken = poll.get(20, TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - answered).toMillis();
        assertEquals(200, woken.status());
        assertEquals("COMPLETED", woken.string("state"));
        assertTrue(millis < 3000, "woken " + millis + " ms after the answer");

        String other = client.api().submit("ping", CommandBodies.ping(profile.profileId(), profile.profileId()))
                .expectOk("ping").string("commandId");
        long start = System.nanoTime();
        Reply timedOut = client.api().await(other, 1);
        assertEquals("IN_PROGRESS", timedOut.string("state"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900);
        assertEquals("COMPLETED", client.api().await(commandId, 5).string("state"), "a final command answers at once");
        Reply tooLong = client.api().await(other, 61);
        assertEquals(400, tooLong.status());
        assertEquals("INVALID_FIELD", tooLong.string("code"));
        assertEquals(404, Server.newClient(null).api().await(other, 1).status());
    }

    static JsonObject withExternalId(JsonObject body, String externalId) {
        return Json.createObjectBuilder(body).add("commandHeader",
                Json.createObjectBuilder(body.getJsonObject("commandHeader")).add("externalId", externalId)).build();
    }

    /** The same request with its members in reverse order, as another JSON library might write it. */
    static JsonObject reordered(JsonObject body) {
        var builder = Json.createObjectBuilder();
        List<String> keys = new java.util.ArrayList<>(body.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> builder.add(k, body.get(k) instanceof JsonObject o ? reordered(o) : body.get(k)));
        return builder.build();
    }
}
