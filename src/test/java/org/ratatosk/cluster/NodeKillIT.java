package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.messaging.boundary.FlakyCallbackReceiver;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Node A dies with {@code kill -9} while 1,000 commands wait for their timeouts, 100 callbacks of
 * cancelled commands are being refused and wait for their next attempt, and devices and application
 * servers long-poll through the load balancer. Node B expires the 1,000 on time and delivers every
 * final state under one delivery id; only the polls that were open on A fail, and each poller's
 * next poll succeeds; A starts again on its own data and joins without sending anything twice or
 * changing any state twice.
 */
class NodeKillIT {

    static final int PENDING = 1000;
    static final int SUBMITTERS = 8;
    static final int MIN_TIMEOUT = 45;
    static final int MAX_TIMEOUT = 105;
    static final int RETRYING = 100;
    static final int POLLING_DEVICES = 4;
    static final int POLLING_APP_SERVERS = 4;

    record Pending(String commandId, long sentNanos, int timeoutSeconds) {

        long deadlineNanos() {
            return sentNanos + timeoutSeconds * 1_000_000_000L;
        }
    }

    @Test
    void nodeBExpiresWhatNodeAAcceptedAndAJoinsAgain() throws Exception {
        try (FlakyCallbackReceiver receiver = new FlakyCallbackReceiver()) {
            Server.Client client = Server.newClient(receiver.url());
            List<Mailbox> emptyBoxes = provisionedDevices(client);
            long started = System.nanoTime();
            List<Pending> pending = submit(client);
            System.out.printf("%d commands submitted through the balancer in %.1f s%n", pending.size(),
                    (System.nanoTime() - started) / 1e9);

            // Refused from now until after the kill: each retries every second meanwhile.
            List<String> retrying = cancelledWhileRefused(client, receiver);
            List<String> polled = pending.stream().sorted((x, y) -> Long.compare(y.deadlineNanos(), x.deadlineNanos()))
                    .limit(POLLING_APP_SERVERS).map(Pending::commandId).toList();
            long killedAt;
            try (Pollers pollers = new Pollers(client, emptyBoxes, polled)) {
                Thread.sleep((Pollers.WAIT_SECONDS + 1) * 1000L);
                killedAt = System.nanoTime();
                Cluster.killNode(Node.A);
                Thread.sleep(2000);
                receiver.refuseAll(false);
                Thread.sleep(2 * Pollers.WAIT_SECONDS * 1000L);
                pollers.close();
                assertPollsFailedOnlyOnA(pollers, killedAt);
            }
            long dueBeforeKill = pending.stream().filter(p -> p.deadlineNanos() < killedAt).count();
            assertDeliveredOnceAfterTheKill(receiver, retrying);

            long lastDeadline = pending.stream().mapToLong(Pending::deadlineNanos).max().orElseThrow();
            awaitAllCalledBack(receiver, pending, lastDeadline + Duration.ofSeconds(60).toNanos());

            Latencies lag = new Latencies();
            for (Pending command : pending) {
                FlakyCallbackReceiver.Seen seen = receiver.seen(command.commandId());
                assertNotNull(seen, "no callback for " + command.commandId());
                assertEquals(Set.of("EXPIRED"), seen.states(), command.commandId());
                assertEquals(1, seen.deliveryIds().size(), "one delivery id per final state: " + seen);
                assertEquals(seen.deliveryIds(), seen.acceptedDeliveryIds(), "delivered after the refused attempt: " + seen);
                assertEquals("EXPIRED", client.api().get(command.commandId()).string("state"));
                if (command.deadlineNanos() > killedAt) {
                    lag.add(Math.max(0, receiver.firstPostNanos(command.commandId()) - command.deadlineNanos()));
                }
            }
            System.out.println(lag.line("expiry lag on node B after node A's kill (deadline to first callback POST)")
                    + ", " + dueBeforeKill + " deadlines fell before the kill");
            int postsBeforeRestart = receiver.posts();

            long restarting = System.nanoTime();
            Cluster.startNode(Node.A);
            System.out.printf("node A healthy again %.1f s after its start%n", (System.nanoTime() - restarting) / 1e9);
            Reply joined = Node.A.api(client).submit("provision", ProvisionCommands.provision().build()).expectOk("submit on A");
            assertEquals("IN_PROGRESS", Node.B.api(client).get(joined.string("commandId")).string("state"));
            // A's recovery queues again what it believes overdue; every such attempt must be dropped,
            // so for ten seconds no POST may arrive (one that does ends the wait and fails below).
            Await.until(Duration.ofSeconds(10), () -> receiver.posts() > postsBeforeRestart);
            int extraPosts = receiver.posts() - postsBeforeRestart;
            for (Pending command : pending) {
                FlakyCallbackReceiver.Seen seen = receiver.seen(command.commandId());
                assertEquals(Set.of("EXPIRED"), seen.states());
                assertEquals(1, seen.deliveryIds().size(), "a second delivery after A joined: " + seen);
            }
            for (String commandId : retrying) {
                assertEquals(1, receiver.seen(commandId).deliveryIds().size(), "a second delivery after A joined");
            }
            System.out.printf("callback POSTs: %d for %d commands before A's restart, %d after it%n",
                    postsBeforeRestart, pending.size() + retrying.size(), extraPosts);
            assertEquals(0, extraPosts, "A's restart sent callbacks again");
            int twice = 0;
            for (Pending command : pending) {
                twice += changedTwice(command.commandId(), Map.of("SUBMITTED", 1L, "EXPIRED", 1L));
            }
            for (String commandId : retrying) {
                twice += changedTwice(commandId, Map.of("SUBMITTED", 1L, "CANCELLED", 1L));
            }
            System.out.printf("state changes recorded twice: %d of %d commands%n", twice, pending.size() + retrying.size());
            assertEquals(0, twice, "a state changed twice");
            assertTrue(lag.count() > 0, "no deadline fell after the kill");
            assertTrue(lag.percentile(99) < 2000, lag.line("expiry lag"));
        }
    }

    /**
     * {@link #RETRYING} commands cancelled while the receiver refuses every POST, returned once each
     * callback was refused at least once: they wait for their next attempt when A is killed.
     */
    private static List<String> cancelledWhileRefused(Server.Client client, FlakyCallbackReceiver receiver)
            throws InterruptedException {
        // Submitted first, cancelled all at once: the refusals, a hundred retries a second, load node
        // B as little as possible before the kill.
        List<String> cancelled = new ArrayList<>();
        for (int i = 0; i < RETRYING; i++) {
            cancelled.add(client.api().submit("provision", ProvisionCommands.provision().build())
                    .expectOk("submit").string("commandId"));
        }
        receiver.refuseAll(true);
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<Integer>> cancels = new ArrayList<>();
            for (String commandId : cancelled) {
                cancels.add(pool.submit(() -> client.api().cancel(commandId).status()));
            }
            for (Future<Integer> cancel : cancels) {
                assertEquals(200, cancel.get(), "cancel");
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cancel failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Await.until(Duration.ofSeconds(60), () -> cancelled.stream().allMatch(id -> receiver.seen(id) != null));
        for (String commandId : cancelled) {
            FlakyCallbackReceiver.Seen seen = receiver.seen(commandId);
            assertNotNull(seen, "no callback attempt for " + commandId);
            assertTrue(seen.acceptedDeliveryIds().isEmpty(), "accepted while refusing: " + seen);
        }
        return cancelled;
    }

    /** Devices whose provisioning is answered: their mailboxes are empty, so their polls wait. */
    private static List<Mailbox> provisionedDevices(Server.Client client) {
        List<Mailbox> boxes = new ArrayList<>();
        for (int i = 0; i < POLLING_DEVICES; i++) {
            Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
            ProvisioningResult profile = client.device().provision(
                    submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
            assertEquals(200, profile.status(), String.valueOf(profile.body()));
            boxes.add(profile.mailbox());
        }
        return boxes;
    }

    /**
     * Only polls open at the kill failed (those on A: whether any was depends on where the balancer
     * had sent them), each poller's next poll succeeded, and every poller was answered by B after it.
     */
    private static void assertPollsFailedOnlyOnA(Pollers pollers, long killedAt) {
        List<Pollers.Failure> failures = pollers.failures();
        System.out.printf("%d long polls through the balancer around the kill, %d failed (%s), ended %s ms after the kill%n",
                pollers.polls(), failures.size(), failures.stream().map(f -> f.error().split("\n")[0]).distinct().toList(),
                failures.stream().map(f -> (f.endedNanos() - killedAt) / 1_000_000).sorted().toList());
        for (Pollers.Failure failure : failures) {
            assertTrue(failure.startedNanos() < killedAt && failure.endedNanos() >= killedAt,
                    "a poll that was not open at the kill failed: " + failure);
        }
        assertEquals(List.of(), pollers.failedTwice(), "a poll after a failed one failed too");
        assertTrue(failures.size() <= POLLING_DEVICES + POLLING_APP_SERVERS, failures.toString());
        assertEquals(pollers.pollers(), pollers.succeededAfter(killedAt + Duration.ofSeconds(2).toNanos()),
                "every poller was answered again after the kill");
    }

    /**
     * Each refused callback was accepted under the id of its refused attempts; the receiver accepts
     * only since after the kill, so no attempt of node A delivered it.
     */
    private static void assertDeliveredOnceAfterTheKill(FlakyCallbackReceiver receiver, List<String> retrying)
            throws InterruptedException {
        Await.until(Duration.ofSeconds(60),
                () -> retrying.stream().allMatch(id -> !receiver.seen(id).acceptedDeliveryIds().isEmpty()));
        for (String commandId : retrying) {
            FlakyCallbackReceiver.Seen seen = receiver.seen(commandId);
            assertEquals(Set.of("CANCELLED"), seen.states(), commandId);
            assertEquals(1, seen.deliveryIds().size(), "one delivery id across attempts and nodes: " + seen);
            assertEquals(seen.deliveryIds(), seen.acceptedDeliveryIds(), "delivered after the kill: " + seen);
            assertTrue(receiver.posts(seen.deliveryIds().iterator().next()) >= 2, "refused, then accepted: " + seen);
        }
        System.out.printf("%d callbacks refused before the kill, all delivered after it under their first delivery id%n",
                retrying.size());
    }

    /** 1 when the command's audit trail holds a change other than {@code expected}, or one of them twice. */
    private static int changedTwice(String commandId, Map<String, Long> expected) {
        Map<String, Long> actions = CrossNodeDecisionsIT.actions("command", commandId);
        if (!actions.equals(expected)) {
            System.out.println("command " + commandId + " changed " + actions);
            return 1;
        }
        return 0;
    }

    private static List<Pending> submit(Server.Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<Pending>> futures = new ArrayList<>();
            for (int i = 0; i < PENDING; i++) {
                // Spread over the whole range in every stretch of the submissions, so the deadlines do
                // not bunch up; those that fall before the kill are counted and left out of the lag.
                int timeout = MIN_TIMEOUT + i % (MAX_TIMEOUT - MIN_TIMEOUT + 1);
                futures.add(pool.submit(() -> {
                    long sent = System.nanoTime();
                    Reply reply = client.api().submit("provision",
                            ProvisionCommands.provision().timeout(timeout).lifespan(timeout).build()).expectOk("submit");
                    return new Pending(reply.string("commandId"), sent, timeout);
                }));
            }
            List<Pending> pending = new ArrayList<>();
            for (Future<Pending> future : futures) {
                pending.add(future.get());
            }
            return pending;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAllCalledBack(FlakyCallbackReceiver receiver, List<Pending> pending, long deadlineNanos) {
        Await.until(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())), Duration.ofMillis(500),
                () -> pending.stream().allMatch(p -> {
                    FlakyCallbackReceiver.Seen seen = receiver.seen(p.commandId());
                    return seen != null && !seen.acceptedDeliveryIds().isEmpty();
                }), allCalledBack -> allCalledBack);
    }
}
