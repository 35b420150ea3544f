package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;
import org.ratatosk.uem.boundary.TestTls;

/**
 * TSB's approval workflow as its tutorials and Go client call it: filtered task calls by kind with
 * paging, approvers named by certificate, approvalToBeSigned signed with the digest the approver
 * names, the APPROVER role on the approval calls, and TLS client certificates as credentials.
 */
@ExtendWith(ArquillianExtension.class)
class TsbApprovalsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static String approverToken;
    static String operationToken;
    static final List<String> OTHER_ROLES = List.of("KEY_MANAGEMENT", "KEY_OPERATION", "SERVICE", "APPROVER_KEY_MANAGEMENT");
    static final List<String> OTHER_TOKENS = new ArrayList<>();

    @BeforeAll
    static void tokens() {
        TestTokens.assumeSoftHsm();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        approverToken = TsbIT.apiKey("it-approver-" + suffix, "APPROVER");
        operationToken = TsbIT.apiKey("it-approvals-operation-" + suffix, "KEY_OPERATION");
        for (String role : OTHER_ROLES) {
            OTHER_TOKENS.add(TsbIT.apiKey("it-approvals-" + role.toLowerCase() + "-" + suffix, role));
        }
    }

    /** An approver with its key pair and a self-signed certificate of it, signing with a chosen digest. */
    record CertifiedApprover(KeyPair pair, byte[] certificate) {

        static CertifiedApprover rsa() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] certificate = new JcaX509v3CertificateBuilder(new X500Name("CN=SKA approver"), BigInteger.valueOf(7),
                    new Date(System.currentTimeMillis() - 60_000), new Date(System.currentTimeMillis() + 86_400_000L),
                    new X500Name("CN=SKA approver"), pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
            return new CertifiedApprover(pair, certificate);
        }

        String pem() {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate) + "\n-----END CERTIFICATE-----\n";
        }

        /** Base64 DER, as the tutorial's scripts send it in approverCertificate. */
        String der() {
            return Base64.getEncoder().encodeToString(certificate);
        }

        String sign(byte[] data, String algorithm) throws Exception {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        }

        JsonObject taskQuery(JsonObjectBuilder paging) throws Exception {
            String timestamp = Instant.now().toString();
            JsonObjectBuilder query = Json.createObjectBuilder().add("timestamp", timestamp)
                    .add("timestampSignature", sign(timestamp.getBytes(StandardCharsets.UTF_8), "SHA512withRSA"))
                    .addNull("approverPublicKey").add("approverCertificate", der())
                    .add("timestampDigestAlgorithm", "SHA-512").add("detailLevel", "level1");
            return (paging == null ? query.addNull("paging") : query.add("paging", paging)).build();
        }
    }

    static Reply call(String token, String path, JsonObject body) {
        return TsbIT.call(token, "POST", path, body);
    }

    static JsonObject certificatePolicy(CertifiedApprover approver) {
        JsonObject rule = Json.createObjectBuilder().add("tokens", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("name", "main").add("timelock", 0).add("timeout", 0).add("groups", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "main").add("quorum", 1).add("approvals", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "certificate").addNull("name").add("value", approver.pem()))))))).build();
        return Rules.policy(rule, rule, null, null);
    }

    static String signRequest(String label, String payload) {
        Reply submitted = call(operationToken, "sign", Json.createObjectBuilder().add("signRequest", Json.createObjectBuilder()
                .add("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
                .add("payloadType", "UNSPECIFIED").add("signKeyName", label).add("signatureAlgorithm", "SHA256_WITH_RSA")).build());
        assertEquals(200, submitted.status(), submitted.toString());
        return submitted.string("signRequestId");
    }

    static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    static List<String> ids(Reply tasks) {
        assertEquals(200, tasks.status(), tasks.toString());
        return tasks.body().getJsonArray("tasks").stream().map(t -> t.asJsonObject().getString("id")).toList();
    }

    /** One call of a new approver with its own timestamp: a task listing or a read of a request. */
    record FirstUse(Instant timestamp, boolean listsTasks) {

        Reply send(Approver approver, String requestId) {
            String text = timestamp.toString();
            if (!listsTasks) {
                return approver.readRequest(requestId, text);
            }
            return KeyApi.postUnauthenticated("filteredSignApprovalTask", Json.createObjectBuilder().add("timestamp", text)
                    .add("timestampSignature", approver.sign(text.getBytes(StandardCharsets.UTF_8)))
                    .add("approverPublicKey", approver.publicKey()).build());
        }
    }

    static <T> List<T> atOnce(List<java.util.concurrent.Callable<T>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A new approver's first calls arrive at once, each with a timestamp of its own, and all insert
     * its clock. None may be called a replay for having lost that insert: the latest timestamp is
     * always accepted, and only a timestamp earlier than one accepted may be refused, as it would be
     * one after the other. Then both its approvals, sent at once, count once each.
     */
    @Test
    void concurrentFirstCallsOfANewApproverAreNeitherReplaysNorFailures() throws Exception {
        for (int round = 0; round < 5; round++) {
            Approver approver = Approver.ec("first use " + round);
            String label = TsbIT.label("it-first-use");
            KeyApi.createRsa(label, Rules.policy(Rules.rule(0, 600, Rules.group("g", 1, approver)), null, null, null));
            List<String> requests = List.of(signRequest(label, "first " + round), signRequest(label, "second " + round));

            Instant base = Instant.now();
            List<FirstUse> uses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uses.add(new FirstUse(base.plusMillis(i), i % 2 == 0));
            }
            List<java.util.concurrent.Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < uses.size(); i++) {
                FirstUse use = uses.get(i);
                String request = requests.get(i % 2);
                calls.add(() -> use.send(approver, request));
            }
            List<Reply> replies = atOnce(calls);
            Instant latestAccepted = null;
            for (int i = 0; i < replies.size(); i++) {
                if (replies.get(i).status() == 200) {
                    Instant at = uses.get(i).timestamp();
                    latestAccepted = latestAccepted == null || at.isAfter(latestAccepted) ? at : latestAccepted;
                }
            }
            assertEquals(200, replies.get(replies.size() - 1).status(), "round " + round + ", the latest timestamp: " + replies);
            for (int i = 0; i < replies.size(); i++) {
                Reply reply = replies.get(i);
                if (reply.status() != 200) {
                    assertEquals(422, reply.status(), "round " + round + ", call " + i + ": " + reply);
                    assertEquals("TIMESTAMP_REPLAYED", reply.body().getString("code"));
                    assertTrue(uses.get(i).timestamp().isBefore(latestAccepted), "round " + round + ", call " + i
                            + " was refused though no later timestamp was accepted: " + replies);
                }
            }

            Instant later = base.plusSeconds(1);
            JsonArray tasks = new FirstUse(later, true).send(approver, null).expectOk("tasks").body().getJsonArray("tasks");
            List<java.util.concurrent.Callable<Reply>> approvals = new ArrayList<>();
            for (String request : requests) {
                String toBeSigned = tasks.stream().map(JsonValue::asJsonObject).filter(t -> t.getString("id").equals(request))
                        .findFirst().orElseThrow().getString("approvalToBeSigned");
                approvals.add(() -> approver.decide("approval", request, toBeSigned));
            }
            for (Reply approved : atOnce(approvals)) {
                assertEquals(200, approved.status(), approved.toString());
                assertEquals("EXECUTED", approved.string("status"));
            }
            for (String request : requests) {
                JsonObject status = KeyApi.get("request/" + request).expectOk("status").body();
                assertEquals(List.of(approver.publicKey()), status.getJsonArray("approvedBy").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList(), status.toString());
            }
        }
    }

    @Test
    void certificateApproverPagesThroughTasksByKindAndApprovesWithItsOwnDigest() throws Exception {
        CertifiedApprover approver = CertifiedApprover.rsa();
        String label = TsbIT.label("it-ska");
        KeyApi.createRsa(label, certificatePolicy(approver));
        String first = signRequest(label, "ApproveSignTaskPayload");
        String second = signRequest(label, "second payload");
        Reply blocked = call(operationToken, "block", Json.createObjectBuilder()
                .add("blockRequest", Json.createObjectBuilder().add("blockKeyName", label)).build());
        assertEquals(200, blocked.status(), blocked.toString());
        String block = blocked.string("blockKeyRequestId");

        List<String> signTasks = ids(call(approverToken, "filteredSignApprovalTask", approver.taskQuery(null)));
        assertEquals(List.of(first, second), signTasks.stream().filter(List.of(first, second)::contains).toList());
        assertFalse(signTasks.contains(block));
        assertEquals(List.of(block), ids(call(approverToken, "filteredBlockKeyApprovalTask", approver.taskQuery(null))).stream()
                .filter(List.of(first, second, block)::contains).toList());
        assertTrue(ids(call(approverToken, "filteredAllApprovalTask", approver.taskQuery(null))).containsAll(List.of(first, second, block)));
        assertTrue(ids(call(approverToken, "filteredDecryptApprovalTask", approver.taskQuery(null))).stream()
                .noneMatch(List.of(first, second, block)::contains));

        // paging: one task a page, oldest first, as the tutorial asks; newest first on request
        JsonObject byRequest = Json.createObjectBuilder(approver.taskQuery(Json.createObjectBuilder().add("pageNumber", 0)
                .add("pageSize", 1).add("sortOrder", "CREATION_DATE_ASC"))).add("requestId", second).build();
        assertEquals(List.of(second), ids(call(approverToken, "filteredSignApprovalTask", byRequest)));
        JsonObject newest = approver.taskQuery(Json.createObjectBuilder().add("pageNumber", 0).add("pageSize", 1)
                .add("sortOrder", "CREATION_DATE_DESC"));
        assertEquals(1, ids(call(approverToken, "filteredAllApprovalTask", newest)).size());
        assertEquals(400, call(approverToken, "filteredSignApprovalTask", approver.taskQuery(Json.createObjectBuilder()
                .add("pageNumber", 0).add("pageSize", 0))).status());

        // the task at level 1, as the tutorial shows it; the approver signs the token's bytes with SHA-384
        JsonArray tasks = call(approverToken, "filteredSignApprovalTask", Json.createObjectBuilder(approver.taskQuery(null))
                .add("id", first).build()).body().getJsonArray("tasks");
        assertEquals(1, tasks.size());
        JsonObject task = tasks.getJsonObject(0);
        assertEquals("level1", task.getString("detailLevel"));
        byte[] token = Base64.getDecoder().decode(task.getString("approvalToBeSigned"));
        JsonObject detailed = call(approverToken, "filteredSignApprovalTask", Json.createObjectBuilder(approver.taskQuery(null))
                .add("id", first).add("detailLevel", "level5").build()).body().getJsonArray("tasks").getJsonObject(0);
        assertEquals("level5", detailed.getString("detailLevel"));
        assertEquals("ApproveSignTaskPayload", new String(Base64.getDecoder().decode(detailed.getString("payload")), StandardCharsets.UTF_8));
        assertTrue(java.util.Collections.indexOfSubList(toList(token), toList(Base64.getDecoder().decode(detailed.getString("timestamp")))) > 0,
                "the token holds the timestamp the task shows");
        assertTrue(new String(token, StandardCharsets.UTF_8).contains(label), "the token names the key");
        assertTrue(new String(token, StandardCharsets.UTF_8).contains("ApproveSignTaskPayload"), "the token carries the payload");
        JsonObject approval = Json.createObjectBuilder().add("id", first).add("approvalToBeSigned", task.getString("approvalToBeSigned"))
                .add("signature", approver.sign(token, "SHA384withRSA")).add("approvalDigestAlgorithm", "SHA-384")
                .add("approverCertificate", approver.der()).build();
        Reply wrongDigest = call(approverToken, "approval", Json.createObjectBuilder(approval).add("approvalDigestAlgorithm", "SHA-256").build());
        assertEquals(422, wrongDigest.status(), wrongDigest.toString());
        assertEquals(664, wrongDigest.body().getInt("errorCode"));
        Reply approved = call(approverToken, "approval", approval);
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("EXECUTED", approved.string("status"), approved.toString());
        assertEquals(Base64.getEncoder().encodeToString(approver.pair().getPublic().getEncoded()),
                approved.body().getJsonArray("approvedBy").getString(0));

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(KeyApi.get("key/" + label).expectOk("key").string("publicKey")))));
        verifier.update("ApproveSignTaskPayload".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(Base64.getDecoder().decode(approved.string("result"))), "the approved request signed its payload");
        assertFalse(ids(call(approverToken, "filteredSignApprovalTask", approver.taskQuery(null))).contains(first));
    }

    @Test
    void approvalCallsRefuseEveryRoleButApproverWithTsbsErrorBody() throws Exception {
        CertifiedApprover approver = CertifiedApprover.rsa();
        for (String path : List.of("filteredApprovalTask", "filteredAllApprovalTask", "filteredSignApprovalTask",
                "filteredDecryptApprovalTask", "filteredUnwrapKeyApprovalTask", "filteredBlockKeyApprovalTask", "filteredUnblockKeyApprovalTask",
                "filteredModifyKeyApprovalTask", "approval", "rejection")) {
            for (int i = 0; i < OTHER_ROLES.size(); i++) {
                Reply refused = call(OTHER_TOKENS.get(i), path, approver.taskQuery(null));
                assertEquals(403, refused.status(), OTHER_ROLES.get(i) + " on " + path + ": " + refused);
                assertEquals("FORBIDDEN", refused.string("code"));
                assertEquals(403, refused.body().getInt("errorCode"));
                assertEquals("res.error.forbidden", refused.string("reason"));
            }
            Reply unknown = call("not-a-key-anybody-holds", path, approver.taskQuery(null));
            assertEquals(401, unknown.status(), path + ": " + unknown);
            assertEquals(631, unknown.body().getInt("errorCode"));
        }
        for (String token : OTHER_TOKENS) {
            Reply admin = Server.send(Server.request("/hermod/rest/admin/tsb-certificates/it-stolen").header("X-API-KEY", token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"SERVICE\"]}")));
            assertEquals(403, admin.status(), admin.toString());
        }
        assertEquals(403, Server.send(Server.request("/hermod/rest/admin/tsb-certificates").header("X-API-KEY", approverToken).GET()).status());
        // the APPROVER key, and no key at all, reach the call, which then checks the approver's signature
        assertEquals(200, call(approverToken, "filteredSignApprovalTask", approver.taskQuery(null)).status());
        assertEquals(200, call(null, "filteredSignApprovalTask", approver.taskQuery(null)).status());
        Reply unsigned = call(approverToken, "approval", Json.createObjectBuilder().add("id", UUID.randomUUID().toString())
                .add("approvalToBeSigned", "AAAA").add("signature", "AAAA").add("approverCertificate", approver.der()).build());
        assertEquals(404, unsigned.status(), unsigned.toString());
    }

    static HttpRequest.Builder overTls(String path) {
        return HttpRequest.newBuilder(URI.create(TestTls.baseUrl() + "/hermod/rest/" + path)).timeout(Duration.ofSeconds(30));
    }

    /** Removes a mapping of the certificate that an earlier run on the same server left behind. */
    static void unmap(String pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").trim());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        for (JsonValue mapping : Server.array(TsbIT.admin("GET", "tsb-certificates", null).raw())) {
            if (mapping.asJsonObject().getString("sha256").equals(sha256)) {
                assertEquals(204, TsbIT.admin("DELETE", "tsb-certificates/" + mapping.asJsonObject().getString("name"), null).status());
            }
        }
    }

    @Test
    void tlsClientCertificateActsInTheRolesTheOperatorMappedItTo() throws Exception {
        String name = "it-mtls-" + UUID.randomUUID().toString().substring(0, 8);
        String clientPem = Files.readString(TestTls.dir().resolve("client.pem"));
        HttpClient client = TestTls.client("client");
        HttpClient intruder = TestTls.client("intruder");
        HttpRequest statistics = overTls("v1/keystore/statistics").GET().build();
        unmap(clientPem);
        assertEquals(401, Reply.send(client, statistics).status(), "an unmapped certificate is no credential");

        Reply mapped = TsbIT.admin("PUT", "tsb-certificates/" + name, Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("SERVICE")).add("certificate", clientPem).build());
        assertEquals(200, mapped.status(), mapped.toString());
        assertEquals(TestTls.ACCEPTED_SUBJECT, mapped.string("subject"));
        assertEquals(64, mapped.string("sha256").length());
        try {
            Reply served = Reply.send(client, statistics);
            assertEquals(200, served.status(), served.toString());
            assertEquals(401, Reply.send(intruder, statistics).status());
            assertEquals(401, Server.send(Server.request("/hermod/rest/v1/keystore/statistics").GET()).status(),
                    "the mapping needs the certificate in the TLS handshake");
            Reply forbidden = Reply.send(client, overTls("v1/key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TsbIT.tsbKey(TsbIT.label("it-mtls"), "RSA", 2048, null).toString())).build());
            assertEquals(403, forbidden.status(), forbidden.toString());
            assertEquals("FORBIDDEN", forbidden.string("code"));

            // remapped to APPROVER: the approval calls take it, the service call no longer does
            assertEquals(200, TsbIT.admin("PUT", "tsb-certificates/" + name, Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("APPROVER")).add("certificate", clientPem).build()).status());
            assertEquals(403, Reply.send(client, statistics).status());
            Reply tasks = Reply.send(client, overTls("v1/filteredAllApprovalTask").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CertifiedApprover.rsa().taskQuery(null).toString())).build());
            assertEquals(200, tasks.status(), tasks.toString());

            assertEquals(409, TsbIT.admin("PUT", "tsb-certificates/" + name + "-again", Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("SERVICE")).add("certificate", clientPem).build()).status());
            assertEquals(400, TsbIT.admin("PUT", "tsb-certificates/" + name, Json.createObjectBuilder()
                    .add("roles", Json.createArrayBuilder().add("SERVICE")).add("certificate", "not a certificate").build()).status());
            assertTrue(TsbIT.admin("GET", "tsb-certificates", null).raw().contains(name));
        } finally {
            assertEquals(204, TsbIT.admin("DELETE", "tsb-certificates/" + name, null).status());
        }
        assertEquals(401, Reply.send(client, statistics).status(), "a removed mapping is no credential");
        assertEquals(404, TsbIT.admin("GET", "tsb-certificates/" + name, null).status());
    }
}
