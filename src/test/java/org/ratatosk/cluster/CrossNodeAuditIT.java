package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.boundary.UemClient;

/**
 * Both nodes append to one audit hash chain. After submissions, cancellations and one-time
 * passwords sent to both nodes at once, the chain still verifies from its first entry, and each
 * change is in it once.
 */
class CrossNodeAuditIT {

    static final int WORKERS_PER_NODE = 3;
    static final int ROUNDS = 40;

    record Done(String commandId, boolean cancelled, String user) {
    }

    @Test
    void theChainVerifiesAfterAMixedLoadOnBothNodes() throws Exception {
        Server.Client client = Server.newClient(null);
        long before = verified();
        ExecutorService pool = Executors.newFixedThreadPool(2 * WORKERS_PER_NODE);
        List<Future<List<Done>>> futures = new ArrayList<>();
        try {
            for (Node node : Node.values()) {
                Node other = node == Node.A ? Node.B : Node.A;
                for (int worker = 0; worker < WORKERS_PER_NODE; worker++) {
                    futures.add(pool.submit(() -> load(client, node, other)));
                }
            }
            List<Done> done = new ArrayList<>();
            for (Future<List<Done>> future : futures) {
                done.addAll(future.get());
            }
            long cancelled = done.stream().filter(Done::cancelled).count();
            long changes = done.size() /* SUBMITTED */ + cancelled + done.size() /* otp ISSUED */;
            long after = verified();
            System.out.printf("audit chain after %d changes on both nodes at once: %d entries, %d before, valid%n",
                    changes, after, before);
            assertTrue(after - before >= changes, "every change is chained: " + before + " -> " + after);
            for (Done one : done) {
                assertEquals(one.cancelled() ? Map.of("CANCELLED", 1L, "SUBMITTED", 1L) : Map.of("SUBMITTED", 1L),
                        CrossNodeDecisionsIT.actions("command", one.commandId()), one.commandId());
                assertEquals(Map.of("ISSUED", 1L), CrossNodeDecisionsIT.actions("otp", one.user()), one.user());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A worker's rounds on its node: a submission, its cancellation on the other node every second round, a password. */
    private static List<Done> load(Server.Client client, Node node, Node other) {
        List<Done> done = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String commandId = node.api(client).submit("provision", ProvisionCommands.provision().build())
                    .expectOk("submit on " + node).string("commandId");
            boolean cancel = round % 2 == 0;
            if (cancel) {
                Reply cancelled = other.api(client).cancel(commandId);
                assertEquals(200, cancelled.status(), cancelled.raw());
            }
            String user = "audit-" + UUID.randomUUID() + "@example.com";
            UemClient.issueOtp(Server.HTTP, node.url(), BothNodes.ADMIN, user, "{\"validitySeconds\":60}")
                    .expectOk("otp on " + node);
            done.add(new Done(commandId, cancel, user));
        }
        return done;
    }

    /** The chain's length once it verified; fails when it does not. */
    private static long verified() {
        Reply verify = BothNodes.operatorGet("admin/audit/verify");
        assertEquals(200, verify.status(), verify.raw());
        assertTrue(verify.body().getBoolean("valid"), "the chain is broken: " + verify.raw());
        return verify.body().getJsonNumber("entries").longValue();
    }
}
