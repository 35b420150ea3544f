package org.ratatosk.keys.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;

/** The key API as an operator's client calls it, and the bodies of seed 003. */
public final class KeyApi {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private KeyApi() {
    }

    public static Reply post(String path, JsonObject body) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Authorization", AUTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Without operator credentials: the approvers' calls. */
    public static Reply postUnauthenticated(String path, JsonObject body) {
        return Server.send(Server.request("/hermod/rest/v1/" + path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public static Reply put(String path, JsonObject body) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Authorization", AUTH)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public static Reply get(String path) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Authorization", AUTH).GET());
    }

    public static Reply delete(String path) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Authorization", AUTH).DELETE());
    }

    public static JsonArray list() {
        return Pages.all("/hermod/rest/v1/key", "Authorization", AUTH);
    }

    /** Seed 003's key body with the given attributes and policy (null: no approvals). */
    public static JsonObject key(String label, String algorithm, int size, JsonObject attributes, JsonObject policy) {
        JsonObjectBuilder key = Json.createObjectBuilder().add("label", label).add("algorithm", algorithm)
                .add("keySize", size).add("attributes", attributes);
        if (policy != null) {
            key.add("policy", policy);
        }
        return key.build();
    }

    public static JsonObject attributes(boolean sign, boolean modifiable, boolean destroyable) {
        return Json.createObjectBuilder().add("decrypt", false).add("sign", sign).add("unwrap", false).add("derive", false)
                .add("bip32", false).add("extractable", false).add("modifiable", modifiable).add("destroyable", destroyable)
                .build();
    }

    public static JsonObject createRsa(String label, JsonObject policy) {
        return post("key", key(label, "RSA", 2048, attributes(true, true, true), policy)).expectOk("create " + label).body();
    }

    /** A CA certificate for the key, as promised to server components. */
    public static String selfSignCa(String label, String commonName) {
        return selfSignCa(label, commonName, 0);
    }

    public static String selfSignCa(String label, String commonName, int pathLength) {
        JsonObject body = Json.createObjectBuilder().add("selfSignCertificateRequest", Json.createObjectBuilder()
                .add("signKeyName", label).add("validity", 3650)
                .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", commonName)
                        .add("organization", "Ratatosk Test").add("country", "SE"))
                .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN").add("CRL_SIGN").add("DIGITAL_SIGNATURE"))
                .add("extendedKeyUsage", Json.createArrayBuilder())
                .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true).add("pathLenConstraint", pathLength)))
                .build();
        return post("certificate/selfsign", body).expectOk("selfsign " + label).string("certificate");
    }

    public static JsonObject signBody(String caLabel, String csrPem, int days, List<String> keyUsage, List<String> extended) {
        return Json.createObjectBuilder().add("signCertificateRequest", Json.createObjectBuilder()
                .add("signKeyName", caLabel).add("csr", csrPem).add("validity", days)
                .add("keyUsage", strings(keyUsage)).add("extendedKeyUsage", strings(extended))
                .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", false)))
                .build();
    }

    /** Seed 003's CSR request body. */
    public static JsonObject csrBody(String label, String commonName) {
        return Json.createObjectBuilder().add("csrSignRequest", Json.createObjectBuilder()
                .add("signKeyName", label).addNull("keyPassword").add("signatureAlgorithm", "SHA256_WITH_RSA")
                .add("validity", 365)
                .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", commonName))
                .add("keyUsage", Json.createArrayBuilder().add("DIGITAL_SIGNATURE"))
                .add("extendedKeyUsage", Json.createArrayBuilder().add("CODE_SIGNING")))
                .build();
    }

    static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
