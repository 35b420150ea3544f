package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.messaging.boundary.FlakyCallbackReceiver;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;

/**
 * Node A dies with {@code kill -9} while 1,000 commands wait for their timeouts and every callback's
 * first attempt is refused. Node B expires them all on time and delivers each final state under one
 * delivery id; A starts again on its own data and joins without sending anything twice.
 */
class NodeKillIT {

    static final int PENDING = 1000;
    static final int SUBMITTERS = 8;
    static final int MIN_TIMEOUT = 30;
    static final int MAX_TIMEOUT = 90;

    record Pending(String commandId, long sentNanos, int timeoutSeconds) {

        long deadlineNanos() {
            return sentNanos + timeoutSeconds * 1_000_000_000L;
        }
    }

    @Test
    void nodeBExpiresWhatNodeAAcceptedAndAJoinsAgain() throws Exception {
        try (FlakyCallbackReceiver receiver = new FlakyCallbackReceiver()) {
            Server.Client client = Server.newClient(receiver.url());
            long started = System.nanoTime();
            List<Pending> pending = submit(client);
            System.out.printf("%d commands submitted through the balancer in %.1f s%n", pending.size(),
                    (System.nanoTime() - started) / 1e9);

            long killedAt = System.nanoTime();
            Cluster.killNode(Node.A);
            long dueBeforeKill = pending.stream().filter(p -> p.deadlineNanos() < killedAt).count();

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
            System.out.printf("callback POSTs: %d for %d commands before A's restart, %d after it%n",
                    postsBeforeRestart, pending.size(), extraPosts);
            assertEquals(0, extraPosts, "A's restart sent callbacks again");
            assertTrue(lag.count() > 0, "no deadline fell after the kill");
            assertTrue(lag.percentile(99) < 2000, lag.line("expiry lag"));
        }
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
