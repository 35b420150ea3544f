package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.HermodClient;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.MailboxEntry;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.messaging.boundary.FlakyCallbackReceiver;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * The broker outside the nodes is killed and started again. What the nodes accepted before stays:
 * timeouts still expire their commands and answers still complete them. While it is down, health
 * says messaging is DOWN and a submission is refused with 503 MESSAGING_UNAVAILABLE, storing
 * nothing: within 3 s once a node has seen the broker gone, and within 10 s at the kill itself,
 * where the first request waits out the connection's failover and call timeouts (about 2 s on a
 * quiet machine, 6 s was seen on a loaded 2-core one).
 * Afterwards the nodes consume again: wake-ups cross nodes and every callback is delivered.
 */
class BrokerOutageIT {

    static final int EXPIRING = 30;
    static final int ANSWERED = 10;
    static final int REFUSED = 5;
    static final int TIMEOUT_SECONDS = 20;
    /** Once a node has seen the broker gone, a refusal must not keep the client waiting for it. */
    static final long REFUSED_WITHIN_MILLIS = 3000;
    /** The requests that meet the broker going away wait for the client's timeouts, not for ever. */
    static final long REFUSED_AT_THE_KILL_WITHIN_MILLIS = 10_000;

    @Test
    void nothingAcceptedIsLostAndSubmissionsDuringTheOutageAreUnavailable() throws Exception {
        try (FlakyCallbackReceiver receiver = new FlakyCallbackReceiver()) {
            outage(receiver);
        }
    }

    private void outage(FlakyCallbackReceiver receiver) throws Exception {
        Server.Client client = Server.newClient(receiver.url());
        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < EXPIRING; i++) {
            expiring.add(client.api().submit("provision", ProvisionCommands.provision().timeout(TIMEOUT_SECONDS)
                    .lifespan(TIMEOUT_SECONDS).build()).expectOk("submit expiring").string("commandId"));
        }
        List<Reply> toAnswer = new ArrayList<>();
        for (int i = 0; i < ANSWERED; i++) {
            toAnswer.add(client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit answered"));
        }

        long killedAt = System.nanoTime();
        Cluster.killBroker();
        try {
            duringTheOutage(client, killedAt);
        } finally {
            long restartedAt = System.nanoTime();
            Cluster.startBroker();
            for (Node node : Node.values()) {
                awaitHealth(node, 200, Duration.ofSeconds(120));
            }
            System.out.printf("both nodes healthy %.1f s after the broker was started again%n", (System.nanoTime() - restartedAt) / 1e9);
        }
        afterTheOutage(client, receiver, expiring, toAnswer);
    }

    private void duringTheOutage(Server.Client client, long killedAt) throws Exception {
        List<String> refusedIds = new ArrayList<>();
        // At once, before either node has noticed: each meets a pooled connection that is reconnecting.
        List<Reply> atTheKill = BothNodes.atOnce(node -> refusedInTime(node.api(client), "at the kill on node " + node, REFUSED_AT_THE_KILL_WITHIN_MILLIS, refusedIds));
        atTheKill.forEach(r -> assertEquals(503, r.status(), r.raw()));
        for (Node node : Node.values()) {
            JsonObject health = awaitHealth(node, 503, Duration.ofSeconds(30));
            assertEquals("DOWN", health.getJsonObject("checks").getJsonObject("messaging").getString("status"), health.toString());
            assertEquals("UP", health.getJsonObject("checks").getJsonObject("database").getString("status"), health.toString());
        }
        System.out.printf("both nodes reported messaging DOWN %.1f s after the broker was killed%n", (System.nanoTime() - killedAt) / 1e9);

        for (int i = 0; i < REFUSED; i++) {
            refusedInTime(client.api(), "during the outage", REFUSED_WITHIN_MILLIS, refusedIds);
        }
        this.refusedIds = refusedIds;
    }

    /** A submission that must be refused with 503 MESSAGING_UNAVAILABLE within {@code withinMillis}. */
    private static Reply refusedInTime(HermodClient api, String when, long withinMillis, List<String> refusedIds) {
        String externalId = "outage-" + UUID.randomUUID();
        long sent = System.nanoTime();
        Reply refused = api.submit("provision", ProvisionCommands.provision().externalId(externalId).build());
        long millis = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf("submission %s: %d %s after %d ms%n", when, refused.status(), refused.string("code"), millis);
        assertEquals(503, refused.status(), refused.raw());
        assertEquals("MESSAGING_UNAVAILABLE", refused.string("code"), refused.raw());
        assertTrue(millis <= withinMillis, "refused after " + millis + " ms " + when);
        synchronized (refusedIds) {
            refusedIds.add(externalId);
        }
        return refused;
    }

    private List<String> refusedIds = List.of();

    private void afterTheOutage(Server.Client client, FlakyCallbackReceiver receiver, List<String> expiring,
            List<Reply> toAnswer) throws Exception {
        for (String externalId : refusedIds) {
            Reply found = client.api().byExternalId(externalId);
            assertEquals(200, found.status(), found.raw());
            assertEquals(0, Server.array(found.raw()).size(), "a refused submission stored nothing: " + found.raw());
        }
        // The consumers are back on both nodes: a long poll on A is woken through the topic when B completes.
        Reply first = toAnswer.get(0);
        CompletableFuture<Reply> longPollOnA = CompletableFuture.supplyAsync(
                () -> Node.A.api(client).await(first.string("commandId"), 30));
        Await.stillPending("the long poll on A before the answer on B", longPollOnA, Duration.ofMillis(300));
        Mailbox box = Node.B.local(Mailbox.fromUri(first.body().getJsonArray("destinations").getJsonObject(0).getString("uri")));
        List<MailboxEntry> entries = client.device().listMessages(box, 10);
        String location = Node.B.local(entries.get(0).location());
        ProvisioningResult answeredOnB = client.device().answerProvisioning(location,
                client.device().fetch(location, box.token()), box.token(), AnswerOptions.valid());
        assertEquals(200, answeredOnB.status(), String.valueOf(answeredOnB.body()));
        assertEquals("COMPLETED", longPollOnA.get(10, TimeUnit.SECONDS).string("state"));

        for (Reply submitted : toAnswer.subList(1, toAnswer.size())) {
            ProvisioningResult result = client.device().provision(
                    submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
            assertEquals(200, result.status(), String.valueOf(result.body()));
            assertEquals("COMPLETED", client.api().awaitState(submitted.string("commandId"), "COMPLETED",
                    Duration.ofSeconds(30)).string("state"));
        }
        for (String commandId : expiring) {
            assertEquals("EXPIRED", client.api().awaitState(commandId, "EXPIRED", Duration.ofSeconds(90)).string("state"),
                    "accepted before the outage, expired after it: " + commandId);
        }
        client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit after the outage");

        // Callbacks run on the broker's queue only: every command accepted before the outage is
        // called back once, after the first attempt is refused.
        List<String> all = new ArrayList<>(expiring);
        toAnswer.forEach(r -> all.add(r.string("commandId")));
        Await.until(Duration.ofSeconds(60), Duration.ofMillis(500), () -> all.stream().allMatch(id -> receiver.seen(id) != null
                && !receiver.seen(id).acceptedDeliveryIds().isEmpty()), allCalledBack -> allCalledBack);
        for (String commandId : all) {
            FlakyCallbackReceiver.Seen seen = receiver.seen(commandId);
            assertTrue(seen != null && seen.acceptedDeliveryIds().size() == 1 && seen.deliveryIds().size() == 1,
                    "one delivered callback for " + commandId + ": " + seen);
            assertEquals(1, seen.states().size(), seen.toString());
        }
    }

    private static JsonObject awaitHealth(Node node, int status, Duration timeout) {
        Reply last = Await.until(timeout, Duration.ofMillis(200),
                () -> Server.send(Server.request(node.url() + "/hermod/rest/health").GET()), reply -> reply.status() == status);
        if (last.status() == status) {
            return last.body();
        }
        throw new AssertionError(node + " health is not " + status + " after " + timeout + ": " + last.raw());
    }
}
