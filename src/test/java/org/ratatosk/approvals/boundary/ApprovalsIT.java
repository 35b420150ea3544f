package org.ratatosk.approvals.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.keys.boundary.TestCertificates;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/** Keys governed by approvers: quorums, timelock, timeout, rejection, replays and strangers. */
@ExtendWith(ArquillianExtension.class)
class ApprovalsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSoftHsm() {
        TestTokens.assumeSoftHsm();
    }

    static String label() {
        return "governed-" + UUID.randomUUID();
    }

    static String requestCsr(String label) {
        return KeyApi.post("certificate/request", KeyApi.csrBody(label, "Approver-Intermediate-SUB"))
                .expectOk("csr request").string("signRequestId");
    }

    static JsonObject status(String id) {
        return KeyApi.get("request/" + id).expectOk("request " + id).body();
    }

    static List<String> keys(JsonObject status, String field) {
        return status.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    @Test
    void twoOfThreeInBothGroupsExecutesTheCsr() throws Exception {
        Approver a = Approver.rsa("a"), b = Approver.ec("b"), c = Approver.rsa("c");
        Approver d = Approver.ec("d"), e = Approver.rsa("e"), f = Approver.ec("f");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G1", 2, a, b, c), Rules.group("G2", 2, d, e, f)),
                null, null, null));
        String id = requestCsr(label);
        JsonObject pending = status(id);
        assertEquals("PENDING", pending.getString("status"));
        assertEquals(6, keys(pending, "notYetApprovedBy").size());
        assertTrue(pending.isNull("result"));

        String toBeSigned = a.task(id).orElseThrow().getString("approvalToBeSigned");
        assertEquals("PENDING", a.decide("approval", id, toBeSigned).expectOk("a").string("status"));
        Reply twice = a.decide("approval", id, toBeSigned);
        assertEquals(409, twice.status(), "an approver counts once");
        assertEquals("ALREADY_DECIDED", twice.string("code"));
        assertFalse(a.task(id).isPresent(), "answered tasks are no longer listed");

        assertEquals("PENDING", b.approve(id).expectOk("b").string("status"), "the second group is still missing");
        assertEquals("PENDING", d.approve(id).expectOk("d").string("status"));
        JsonObject done = e.approve(id).expectOk("e").body();
        assertEquals("EXECUTED", done.getString("status"));
        assertEquals(List.of(a.publicKey(), b.publicKey(), d.publicKey(), e.publicKey()).stream().sorted().toList(),
                keys(done, "approvedBy").stream().sorted().toList());
        assertEquals(List.of(c.publicKey(), f.publicKey()).stream().sorted().toList(),
                keys(done, "notYetApprovedBy").stream().sorted().toList());
        assertFalse(done.isNull("executionTime"));

        String csr = status(id).getString("result");
        assertTrue(csr.startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----\n"), csr);
        PKCS10CertificationRequest parsed = new PKCS10CertificationRequest(
                Base64.getMimeDecoder().decode(csr.replaceAll("-----[A-Z ]+-----", "")));
        assertTrue(parsed.isSignatureValid(new JcaContentVerifierProviderBuilder().build(parsed.getSubjectPublicKeyInfo())));
        assertArrayEquals(Base64.getDecoder().decode(KeyApi.get("key/" + label).body().getString("publicKey")),
                parsed.getSubjectPublicKeyInfo().getEncoded());

        Reply late = c.decide("approval", id, toBeSigned);
        assertEquals(409, late.status());
        assertEquals("REQUEST_NOT_PENDING", late.string("code"));
    }

    @Test
    void strangersForgersStaleAndReplayedApprovalsAreRefused() {
        Approver a = Approver.rsa("a"), b = Approver.rsa("b"), stranger = Approver.rsa("stranger");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 2, a, b)), null, null, null));
        String id = requestCsr(label);
        String other = requestCsr(label);
        String toBeSigned = a.task(id).orElseThrow().getString("approvalToBeSigned");
        String otherToBeSigned = a.task(other).orElseThrow().getString("approvalToBeSigned");
        assertFalse(toBeSigned.equals(otherToBeSigned), "each request has its own statement");

        Reply wrong = stranger.decide("approval", id, toBeSigned);
        assertEquals(403, wrong.status());
        assertEquals("NOT_AN_APPROVER", wrong.string("code"));
        assertTrue(stranger.task(id).isEmpty(), "strangers see no tasks");

        Reply forged = a.decide("approval", id, toBeSigned, stranger.sign(Base64.getDecoder().decode(toBeSigned)));
        assertEquals(422, forged.status());
        assertEquals("INVALID_SIGNATURE", forged.string("code"));

        Reply stale = a.decide("approval", id, otherToBeSigned);
        assertEquals(422, stale.status(), "a statement of another request does not approve this one");
        assertEquals("STALE_APPROVAL", stale.string("code"));

        String signature = a.sign(Base64.getDecoder().decode(toBeSigned));
        a.decide("approval", id, toBeSigned, signature).expectOk("a");
        Reply replayed = a.decide("approval", id, toBeSigned, signature);
        assertEquals(409, replayed.status());
        assertEquals("ALREADY_DECIDED", replayed.string("code"));
        JsonObject state = status(id);
        assertEquals("PENDING", state.getString("status"));
        assertEquals(List.of(a.publicKey()), keys(state, "approvedBy"));
        assertEquals(List.of(), keys(status(other), "approvedBy"), "nothing reached the other request");
    }

    @Test
    void staleReplayedAndForgedTimestampsAreRefused() {
        Approver a = Approver.ec("a"), other = Approver.ec("other");
        Reply stale = a.tasks(Instant.now().minusSeconds(3600).toString());
        assertEquals(422, stale.status());
        assertEquals("STALE_TIMESTAMP", stale.string("code"));
        assertTrue(stale.body().containsKey("errorCode"));

        String timestamp = Instant.now().toString();
        String signature = a.sign(timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, a.tasks(timestamp, signature).status());
        Reply replayed = a.tasks(timestamp, signature);
        assertEquals(422, replayed.status());
        assertEquals("TIMESTAMP_REPLAYED", replayed.string("code"));

        Reply forged = a.tasks(Instant.now().toString(), other.sign("x".getBytes()));
        assertEquals(422, forged.status());
        assertEquals("INVALID_SIGNATURE", forged.string("code"));
        assertEquals(400, a.tasks("yesterday").status());
    }

    @Test
    void noApprovalIsAcceptedBeforeTheTimelock() throws Exception {
        Approver a = Approver.rsa("a");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(3, 60, Rules.group("G", 1, a)), null, null, null));
        Instant requested = Instant.now();
        String id = requestCsr(label);
        String toBeSigned = a.task(id).orElseThrow().getString("approvalToBeSigned");
        Reply early = a.decide("approval", id, toBeSigned);
        assertEquals(409, early.status());
        assertEquals("TIMELOCKED", early.string("code"));
        assertEquals("PENDING", status(id).getString("status"));
        Thread.sleep(Math.max(0, requested.plusSeconds(4).toEpochMilli() - System.currentTimeMillis()));
        assertEquals("EXECUTED", a.decide("approval", id, toBeSigned).expectOk("after timelock").string("status"));
    }

    @Test
    void requestNobodyApprovesExpiresAtItsTimeout() throws Exception {
        Approver a = Approver.rsa("a");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 2, Rules.group("G", 1, a)), null, null, null));
        String id = requestCsr(label);
        String toBeSigned = a.task(id).orElseThrow().getString("approvalToBeSigned");
        Instant due = Instant.parse(status(id).getString("expirationTime"));
        String state = Await.until(Duration.between(Instant.now(), due.plusSeconds(10)),
                () -> status(id).getString("status"), s -> !s.equals("PENDING"));
        assertEquals("EXPIRED", state);
        Reply late = a.decide("approval", id, toBeSigned);
        assertEquals(410, late.status());
        assertEquals("REQUEST_EXPIRED", late.string("code"));
        assertEquals("EXPIRED", status(id).getString("status"));
    }

    @Test
    void rejectionEndsTheRequest() {
        Approver a = Approver.rsa("a"), b = Approver.rsa("b");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 2, a, b)), null, null, null));
        String id = requestCsr(label);
        JsonObject rejected = a.reject(id).expectOk("reject").body();
        assertEquals("REJECTED", rejected.getString("status"), "a quorum of two out of two cannot be met any more");
        assertEquals(List.of(a.publicKey()), keys(rejected, "rejectedBy"));
        assertTrue(rejected.isNull("result"));
        assertTrue(b.task(id).isEmpty());
    }

    @Test
    void operatorCancelsARequest() {
        Approver a = Approver.rsa("a");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 1, a)), null, null, null));
        String id = requestCsr(label);
        String toBeSigned = a.task(id).orElseThrow().getString("approvalToBeSigned");
        assertEquals(401, Server.send(Server.request("/hermod/rest/v1/request/" + id).DELETE()).status());
        assertEquals(401, Server.send(Server.request("/hermod/rest/v1/request/" + id).GET()).status(),
                "the request id alone does not let a caller read it");
        assertEquals("CANCELLED", KeyApi.delete("request/" + id).expectOk("cancel").string("status"));
        assertEquals(409, KeyApi.delete("request/" + id).status());
        assertEquals(409, a.decide("approval", id, toBeSigned).status());
        assertEquals(404, KeyApi.get("request/" + UUID.randomUUID()).status());
    }

    @Test
    void approversOfTheRequestReadItWithASignedTimestamp() {
        Approver a = Approver.rsa("a"), b = Approver.ec("b"), stranger = Approver.ec("stranger");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("G", 2, a, b)), null, null, null));
        String id = requestCsr(label);

        Reply byA = a.readRequest(id, Instant.now().toString());
        assertEquals(200, byA.status(), byA.raw());
        assertEquals(id, byA.string("id"));
        assertEquals("PENDING", byA.string("status"));
        assertEquals(2, keys(byA.body(), "notYetApprovedBy").size());
        Reply byB = b.readRequest(id, Instant.now().toString());
        assertEquals(200, byB.status(), byB.raw());
        assertEquals(status(id), byB.body(), "approvers read what the operator reads");

        Reply bare = Server.send(Server.request("/hermod/rest/v1/request/" + id).GET());
        assertEquals(401, bare.status());
        assertEquals("UNAUTHORIZED", bare.string("code"));

        String later = Instant.now().plusSeconds(1).toString();
        Reply strangers = stranger.readRequest(id, later);
        assertEquals(403, strangers.status(), "a key the request's rule does not name");
        assertEquals("NOT_AN_APPROVER", strangers.string("code"));
        assertEquals(403, a.readRequest(UUID.randomUUID().toString(), Instant.now().plusSeconds(2).toString()).status(),
                "an approver of one request cannot probe for others");

        String timestamp = Instant.now().plusSeconds(3).toString();
        assertEquals(200, a.readRequest(id, timestamp).status());
        Reply replayed = a.readRequest(id, timestamp);
        assertEquals(422, replayed.status(), "a signed timestamp is used once");
        assertEquals("TIMESTAMP_REPLAYED", replayed.string("code"));

        Reply forged = a.readRequest(id, Instant.now().plusSeconds(4).toString(), stranger.sign("x".getBytes()));
        assertEquals(422, forged.status());
        assertEquals("INVALID_SIGNATURE", forged.string("code"));
        Reply stale = b.readRequest(id, Instant.now().minusSeconds(3600).toString());
        assertEquals(422, stale.status());
        assertEquals("STALE_TIMESTAMP", stale.string("code"));
        Reply partial = Server.send(Server.request("/hermod/rest/v1/request/" + id)
                .header("X-Approver-Public-Key", a.publicKey()).GET());
        assertEquals(401, partial.status(), "a public key without a signed timestamp proves nothing");

        Reply wrongOperator = Server.send(Server.request("/hermod/rest/v1/request/" + id)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("intruder:wrong".getBytes())).GET());
        assertEquals(401, wrongOperator.status());
        assertEquals("UNAUTHORIZED", wrongOperator.string("code"), "wrong operator credentials are not an approver's proof");
    }

    @Test
    void approvedSelfSignAndIssuanceUnderAUsePolicy() throws Exception {
        Approver officer = Approver.ec("officer");
        String ca = label();
        KeyApi.createRsa(ca, Rules.policy(Rules.rule(0, 600, Rules.group("Officers", 1, officer)), null, null, null));
        Reply selfSign = KeyApi.post("certificate/selfsign", jakarta.json.Json.createObjectBuilder()
                .add("selfSignCertificateRequest", jakarta.json.Json.createObjectBuilder().add("signKeyName", ca)
                        .add("validity", 365)
                        .add("standardCertificateAttributes", jakarta.json.Json.createObjectBuilder().add("commonName", "Governed CA"))
                        .add("keyUsage", jakarta.json.Json.createArrayBuilder().add("KEY_CERT_SIGN").add("CRL_SIGN"))
                        .add("basicConstraints", jakarta.json.Json.createObjectBuilder().add("certificateAuthority", true)))
                .build()).expectOk("selfsign request");
        String selfSignId = selfSign.string("signRequestId");
        assertEquals("EXECUTED", officer.approve(selfSignId).expectOk("approve selfsign").string("status"));
        X509Certificate root = TestCertificates.certificates(status(selfSignId).getString("result")).get(0);
        assertEquals(TestCertificates.pem("CERTIFICATE", root.getEncoded()), KeyApi.get("key/" + ca).body().getString("certificate"));

        String signId = KeyApi.post("certificate/sign", KeyApi.signBody(ca, TestCertificates.csr(TestCertificates.rsa(), "CN=approved"),
                7, List.of("DIGITAL_SIGNATURE"), List.of("SERVER_AUTH"))).expectOk("sign request").string("signRequestId");
        assertEquals("PENDING", status(signId).getString("status"));
        assertEquals("EXECUTED", officer.approve(signId).expectOk("approve sign").string("status"));
        List<X509Certificate> chain = TestCertificates.certificates(status(signId).getString("result"));
        assertEquals(2, chain.size());
        assertTrue(TestCertificates.verifiesWithBouncyCastle(chain.get(0), root));
        TestCertificates.opensslVerify(root, chain.get(0), dir);
    }

    @Test
    void blockingAndUnblockingFollowTheirOwnRules() {
        Approver blocker = Approver.rsa("blocker"), unblocker = Approver.ec("unblocker");
        String label = label();
        KeyApi.createRsa(label, Rules.policy(null, Rules.rule(0, 600, Rules.group("B", 1, blocker)),
                Rules.rule(0, 600, Rules.group("U", 1, unblocker)), null));
        KeyApi.post("certificate/request", KeyApi.csrBody(label, "before")).expectOk("usable before");

        String block = KeyApi.post("key/" + label + "/block", jakarta.json.Json.createObjectBuilder().build())
                .expectOk("block request").string("requestId");
        assertTrue(unblocker.task(block).isEmpty(), "the unblock approver has no say on blocking");
        assertEquals("EXECUTED", blocker.approve(block).expectOk("approve block").string("status"));
        assertTrue(KeyApi.get("key/" + label).body().getJsonObject("policy").getJsonObject("keyStatus").getBoolean("blocked"));
        Reply blocked = KeyApi.post("certificate/request", KeyApi.csrBody(label, "while blocked"));
        assertEquals(409, blocked.status());
        assertEquals("KEY_BLOCKED", blocked.string("code"));

        String unblock = KeyApi.post("key/" + label + "/unblock", jakarta.json.Json.createObjectBuilder().build())
                .expectOk("unblock request").string("requestId");
        assertTrue(blocker.task(unblock).isEmpty());
        assertEquals("EXECUTED", unblocker.approve(unblock).expectOk("approve unblock").string("status"));
        KeyApi.post("certificate/request", KeyApi.csrBody(label, "after")).expectOk("usable again");
    }

    /** The first fault of an approver's decision or task list body, in the order its members are checked. */
    @Test
    void decisionAndTaskBodiesAreAnsweredAsBefore() {
        String key = Approver.ec("faults").publicKey();
        String publicKey = "'approverPublicKey' is not a base64 SubjectPublicKeyInfo of an RSA, EC or Ed25519 key";
        String digests = "must be one of [SHA-224, SHA-256, SHA-384, SHA-512, SHA3-224, SHA3-256, SHA3-384, SHA3-512] or EdDSA";
        String[][] cases = {
                {"approval", "{}", "400 INVALID_FIELD: 'id' is required"},
                {"approval", "{'id':5,'approverPublicKey':5}", "400 WRONG_TYPE: 'id' must be a string"},
                {"approval", "{'id':'no-such'}", "400 INVALID_FIELD: 'approverPublicKey' is required"},
                {"approval", "{'id':'no-such','approverPublicKey':5}", "400 WRONG_TYPE: 'approverPublicKey' must be a string"},
                {"approval", "{'id':'no-such','approverPublicKey':'abc'}", "400 INVALID_PUBLIC_KEY: " + publicKey},
                {"approval", "{'id':'no-such','approverCertificate':null}", "400 INVALID_FIELD: 'approverCertificate' is required"},
                {"approval", "{'id':'no-such','approverPublicKey':null,'approverCertificate':'abc'}",
                        "400 INVALID_CERTIFICATE: 'approverCertificate' is not a PEM or base64 DER X.509 certificate"},
                {"approval", "{'id':'no-such','approverPublicKey':'K','approverCertificate':5}", "400 INVALID_FIELD: 'approvalToBeSigned' is required"},
                {"approval", "{'id':'no-such','approverPublicKey':'K','approvalToBeSigned':5,'signature':5}",
                        "400 WRONG_TYPE: 'approvalToBeSigned' must be a string"},
                {"rejection", "{'id':'no-such','approverPublicKey':'K','approvalToBeSigned':'x'}", "400 INVALID_FIELD: 'signature' is required"},
                {"approval", "{'id':'no-such','approverPublicKey':'K','approvalToBeSigned':'x','signature':'y','approvalDigestAlgorithm':5}",
                        "400 WRONG_TYPE: 'approvalDigestAlgorithm' must be a string"},
                {"approval", "{'id':'no-such','approverPublicKey':'K','approvalToBeSigned':'x','signature':'y','approvalDigestAlgorithm':'MD5'}",
                        "400 INVALID_FIELD: 'approvalDigestAlgorithm' " + digests},
                {"approval", "{'id':'no-such','approverPublicKey':'K','approvalToBeSigned':'x','signature':'y'}",
                        "404 REQUEST_NOT_FOUND: No request no-such"},
                {"filteredApprovalTask", "{'timestamp':5}", "400 INVALID_FIELD: 'approverPublicKey' is required"},
                {"filteredApprovalTask", "{'approverPublicKey':'K'}", "400 INVALID_FIELD: 'timestamp' is required"},
                {"filteredApprovalTask", "{'approverPublicKey':'K','timestamp':5}", "400 WRONG_TYPE: 'timestamp' must be a string"},
                {"filteredApprovalTask", "{'approverPublicKey':'K','timestamp':'t','detailLevel':'x','timestampSignature':5}",
                        "400 INVALID_FIELD: 'detailLevel' must be one of level1 to level5"},
                {"filteredApprovalTask", "{'approverPublicKey':'K','timestamp':'t','paging':5}", "400 INVALID_FIELD: 'paging' must be an object"},
                {"filteredApprovalTask", "{'approverPublicKey':'K','timestamp':'t'}", "400 INVALID_FIELD: 'timestampSignature' is required"},
                {"filteredApprovalTask", "{'approverPublicKey':'K','timestamp':'t','timestampSignature':'s','timestampDigestAlgorithm':'MD5'}",
                        "400 INVALID_FIELD: 'timestampDigestAlgorithm' " + digests}};
        for (String[] c : cases) {
            String body = c[1].replace("'K'", "'" + key + "'").replace('\'', '"');
            Reply reply = KeyApi.postUnauthenticated(c[0], jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject());
            assertEquals(c[2], reply.status() + " " + reply.string("code") + ": " + reply.string("message"), c[0] + " " + body);
        }
    }
}
