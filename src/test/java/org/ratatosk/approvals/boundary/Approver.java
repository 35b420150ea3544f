package org.ratatosk.approvals.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Server;

/** An approver with its own key pair, signing as the contract says: SHA-256, JCA encoding, base64. */
public final class Approver {

    private final String name;
    private final KeyPair pair;

    private Approver(String name, KeyPair pair) {
        this.name = name;
        this.pair = pair;
    }

    public static Approver rsa(String name) {
        return generate(name, "RSA", 2048);
    }

    public static Approver ec(String name) {
        return generate(name, "EC", 256);
    }

    private static Approver generate(String name, String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return new Approver(name, generator.generateKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String publicKey() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public JsonObject asApproval() {
        return Json.createObjectBuilder().add("type", "public_key").add("name", name).add("value", publicKey()).build();
    }

    public String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("RSA".equals(pair.getPrivate().getAlgorithm())
                    ? "SHA256withRSA" : "SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply tasks() {
        return tasks(Instant.now().toString());
    }

    public Reply tasks(String timestamp) {
        return tasks(timestamp, sign(timestamp.getBytes(StandardCharsets.UTF_8)));
    }

    public Reply tasks(String timestamp, String signature) {
        return tasksOf("filteredApprovalTask", timestamp, signature);
    }

    /** The ids of this approver's tasks listed by one of the filtered task calls, e.g. {@code filteredSignApprovalTask}. */
    public java.util.List<String> taskIds(String call) {
        String timestamp = Instant.now().toString();
        return tasksOf(call, timestamp, sign(timestamp.getBytes(StandardCharsets.UTF_8))).expectOk(call).body()
                .getJsonArray("tasks").stream().map(t -> ((JsonObject) t).getString("id")).toList();
    }

    private Reply tasksOf(String call, String timestamp, String signature) {
        return KeyApi.postUnauthenticated(call, Json.createObjectBuilder().add("timestamp", timestamp)
                .add("timestampSignature", signature).add("approverPublicKey", publicKey()).build());
    }

    /** {@code GET /v1/request/{id}} proven by this approver's signature over {@code timestamp}. */
    public Reply readRequest(String requestId, String timestamp) {
        return readRequest(requestId, timestamp, sign(timestamp.getBytes(StandardCharsets.UTF_8)));
    }

    public Reply readRequest(String requestId, String timestamp, String signature) {
        return Server.send(Server.request("/hermod/rest/v1/request/" + requestId)
                .header("X-Approver-Public-Key", publicKey()).header("X-Approver-Timestamp", timestamp)
                .header("X-Approver-Timestamp-Signature", signature).GET());
    }

    /** This approver's task for the request, if it is listed. */
    public Optional<JsonObject> task(String requestId) {
        JsonArray tasks = tasks().expectOk("tasks of " + name).body().getJsonArray("tasks");
        return tasks.stream().map(JsonObject.class::cast).filter(t -> t.getString("id").equals(requestId)).findFirst();
    }

    public Reply approve(String requestId) {
        return decide("approval", requestId, task(requestId).orElseThrow(
                () -> new AssertionError(name + " has no task " + requestId)).getString("approvalToBeSigned"));
    }

    public Reply reject(String requestId) {
        return decide("rejection", requestId, task(requestId).orElseThrow(
                () -> new AssertionError(name + " has no task " + requestId)).getString("approvalToBeSigned"));
    }

    public Reply decide(String kind, String requestId, String toBeSigned) {
        return decide(kind, requestId, toBeSigned, sign(Base64.getDecoder().decode(toBeSigned)));
    }

    public Reply decide(String kind, String requestId, String toBeSigned, String signature) {
        return KeyApi.postUnauthenticated(kind, Json.createObjectBuilder().add("id", requestId)
                .add("approvalToBeSigned", toBeSigned).add("signature", signature).add("approverPublicKey", publicKey())
                .build());
    }
}
