package org.ratatosk.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.cluster.Cluster.Node;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.boundary.TestCaKey;
import org.ratatosk.uem.boundary.UemClient;

/**
 * Decisions that must be taken once although both nodes are asked at the same moment: UEM's
 * {@code getUserKeyPair} with one {@code reqId} yields one key pair, and an approval sent to both
 * nodes counts once, so a request runs once.
 */
class CrossNodeDecisionsIT {

    static final int ROUNDS = 10;
    /** The CA key cluster.sh names in hermod.uem.ca-key; made here the first time. */
    static final String UEM_CA = "cluster-uem-ca";
    static final String UEM_AUTH = UemClient.basic("uem", "test-uem-secret");

    @Test
    void theSameUemReqIdOnBothNodesAtOnceGivesOneKeyPair() throws Exception {
        if (!TestCaKey.exists(Server.HTTP, Cluster.balancerUrl(), BothNodes.ADMIN, UEM_CA)) {
            TestCaKey.create(Server.HTTP, Cluster.balancerUrl(), BothNodes.ADMIN, UEM_CA);
        }
        for (int round = 0; round < ROUNDS; round++) {
            String user = "cluster-" + UUID.randomUUID() + "@example.com";
            String otp = UemClient.issueOtp(Server.HTTP, Cluster.balancerUrl(), BothNodes.ADMIN, user,
                    "{\"validitySeconds\":600}").expectOk("issue otp").string("otp");
            String reqId = "race-" + round;
            List<Reply> replies = BothNodes.atOnce(node ->
                    new UemClient(Server.HTTP, node.url() + "/hermod/rest/uem", UEM_AUTH).getUserKeyPair(user, otp, reqId));
            for (Reply reply : replies) {
                assertEquals(200, reply.status(), reply.toString());
                assertEquals("success", reply.string("status"), reply.toString());
                assertEquals(reqId, reply.string("reqId"));
            }
            Reply onA = replies.get(0);
            Reply onB = replies.get(1);
            assertEquals(onA.string("payload"), onB.string("payload"), "the same PKCS#12 from both nodes");
            assertEquals(onA.string("decryptionPassword"), onB.string("decryptionPassword"));
            X509Certificate leaf = leaf(onA);
            assertEquals("CN=" + user, leaf.getSubjectX500Principal().getName());
            assertEquals(leaf, leaf(onB));
            Map<String, Long> actions = actions("otp", user);
            assertEquals(Map.of("ISSUED", 1L, "USED", 1L), actions, "one password, one certificate: " + actions);

            Reply other = new UemClient(Server.HTTP, Node.B.url() + "/hermod/rest/uem", UEM_AUTH)
                    .getUserKeyPair(user, otp, reqId + "-other");
            assertEquals("failure", other.string("status"), "the password is spent: " + other);
            assertEquals("authFailure", other.string("failureInfo"));
        }
    }

    @Test
    void oneApproverOnBothNodesAtOnceCountsOnceAndTheRequestRunsOnce() throws Exception {
        Approver a = Approver.rsa("a");
        Approver b = Approver.ec("b");
        String label = "cluster-governed-" + UUID.randomUUID();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 2, a, b)), null, null, null));
        Map<String, Integer> refusals = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            String id = KeyApi.post("certificate/request", KeyApi.csrBody(label, "Cluster Round " + round))
                    .expectOk("csr request").string("signRequestId");

            String byA = token(a, id);
            List<Reply> first = BothNodes.atOnce(node -> decision(node, a, id, byA));
            Reply accepted = one200(first, refusals);
            assertEquals("PENDING", accepted.string("status"), "one approval of two: " + first);
            JsonObject pending = request(id);
            assertEquals(List.of(a.publicKey()), keys(pending, "approvedBy"), pending.toString());

            String byB = token(b, id);
            List<Reply> second = BothNodes.atOnce(node -> decision(node, b, id, byB));
            assertEquals("EXECUTED", one200(second, refusals).string("status"), second.toString());
            JsonObject executed = request(id);
            assertEquals("EXECUTED", executed.getString("status"));
            assertEquals(List.of(a.publicKey(), b.publicKey()).stream().sorted().toList(),
                    keys(executed, "approvedBy").stream().sorted().toList());
            assertTrue(executed.getString("result").startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----"), executed.toString());
            assertEquals(Map.of("APPROVAL", 2L), actions("approval", id), "each approver recorded once");
            assertEquals(Map.of("APPROVED", 1L, "EXECUTED", 1L), lifecycleAfterCreation(id), "approved and run once");
        }
        System.out.println("the same approval on both nodes at once, refusals by code: " + refusals);
    }

    @Test
    void twoApproversOnTwoNodesAtOnceCompleteTheQuorumOnce() throws Exception {
        Approver a = Approver.rsa("a");
        Approver b = Approver.ec("b");
        String label = "cluster-quorum-" + UUID.randomUUID();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 2, a, b)), null, null, null));
        for (int round = 0; round < ROUNDS; round++) {
            String id = KeyApi.post("certificate/request", KeyApi.csrBody(label, "Cluster Quorum " + round))
                    .expectOk("csr request").string("signRequestId");
            String byA = token(a, id);
            String byB = token(b, id);
            List<Reply> replies = BothNodes.atOnce(node -> node == Node.A ? decision(node, a, id, byA) : decision(node, b, id, byB));
            replies.forEach(r -> assertEquals(200, r.status(), "neither decision is lost: " + replies));
            // The decision that completed the quorum ran the request before it answered; the other
            // answers with whatever state the request had reached by then.
            assertTrue(replies.stream().anyMatch(r -> "EXECUTED".equals(r.string("status"))), replies.toString());
            JsonObject executed = request(id);
            assertEquals("EXECUTED", executed.getString("status"));
            assertEquals(List.of(a.publicKey(), b.publicKey()).stream().sorted().toList(),
                    keys(executed, "approvedBy").stream().sorted().toList(), "neither approval was lost");
            assertEquals(Map.of("APPROVAL", 2L), actions("approval", id));
            assertEquals(Map.of("APPROVED", 1L, "EXECUTED", 1L), lifecycleAfterCreation(id), "approved and run once");
        }
    }

    /**
     * What the approver signs for the request, read from its task list before a race: each task
     * call presents a timestamp later than the approver's last, which two calls at once may not.
     */
    private static String token(Approver approver, String requestId) {
        return approver.task(requestId).orElseThrow(() -> new AssertionError(approver.name() + " has no task " + requestId))
                .getString("approvalToBeSigned");
    }

    /** The approver's approval of the request, sent to the node. */
    private static Reply decision(Node node, Approver approver, String requestId, String toBeSigned) {
        JsonObject body = Json.createObjectBuilder().add("id", requestId).add("approvalToBeSigned", toBeSigned)
                .add("signature", approver.sign(Base64.getDecoder().decode(toBeSigned)))
                .add("approverPublicKey", approver.publicKey()).build();
        return BothNodes.post(node, "v1/approval", body, false);
    }

    /** The one 200 of two replies; the other must be a 409 whose code is counted. */
    private static Reply one200(List<Reply> replies, Map<String, Integer> refusals) {
        List<Reply> ok = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, ok.size(), "one of the two counts: " + replies);
        Reply refused = replies.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(List.of("ALREADY_DECIDED", "REQUEST_NOT_PENDING").contains(refused.string("code")), refused.raw());
        refusals.merge(refused.string("code"), 1, Integer::sum);
        return ok.get(0);
    }

    /** The request's audited changes after it was made: each must be there once. */
    private static Map<String, Long> lifecycleAfterCreation(String id) {
        Map<String, Long> lifecycle = new TreeMap<>(actions("key-request", id));
        assertEquals(1L, lifecycle.remove("PENDING"), "made once: " + lifecycle);
        return lifecycle;
    }

    private static JsonObject request(String id) {
        return KeyApi.get("request/" + id).expectOk("request " + id).body();
    }

    private static List<String> keys(JsonObject status, String field) {
        return status.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    /** How often each action is in the audit trail of the subject. */
    static Map<String, Long> actions(String subjectType, String subjectId) {
        Reply entries = BothNodes.operatorGet("admin/audit?subjectType=" + subjectType + "&subjectId="
                + java.net.URLEncoder.encode(subjectId, StandardCharsets.UTF_8));
        assertEquals(200, entries.status(), entries.raw());
        JsonArray array = Server.array(entries.raw());
        return array.stream().map(e -> e.asJsonObject().getString("action"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static X509Certificate leaf(Reply reply) throws Exception {
        String password = new String(Base64.getDecoder().decode(reply.string("decryptionPassword")), StandardCharsets.UTF_8);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(reply.string("payload"))), password.toCharArray());
        String alias = Collections.list(store.aliases()).get(0);
        return (X509Certificate) store.getCertificateChain(alias)[0];
    }
}
