package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.approvals.boundary.Approver;
import org.ratatosk.approvals.boundary.Rules;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/**
 * The /v1 API as Securosys' TSB documents it, called with TSB API keys in X-API-KEY: each role
 * reaches its own operations only, and RSA, EC and AES keys in SoftHSM2 sign, verify, encrypt
 * and decrypt with TSB's bodies.
 */
@ExtendWith(ArquillianExtension.class)
class TsbIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static String management;
    static String operation;
    static String service;

    @BeforeAll
    static void tokens() {
        TestTokens.assumeSoftHsm();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        management = apiKey("it-management-" + suffix, "KEY_MANAGEMENT");
        operation = apiKey("it-operation-" + suffix, "KEY_OPERATION");
        service = apiKey("it-service-" + suffix, "SERVICE");
    }

    static String apiKey(String name, String role) {
        Reply created = admin("PUT", "tsb-keys/" + name, Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add(role)).build());
        assertEquals(200, created.status(), created.toString());
        return created.string("token");
    }

    static Reply admin(String method, String path, JsonObject body) {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return Server.send(Server.request("/hermod/rest/admin/" + path).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    static Reply call(String token, String method, String path, JsonObject body) {
        HttpRequest.Builder request = Server.request("/hermod/rest/v1/" + path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("X-API-KEY", token);
        }
        return Server.send(request);
    }

    static JsonObject tsbKey(String label, String algorithm, Integer size, String curveOid) {
        var key = Json.createObjectBuilder().add("label", label).add("algorithm", algorithm)
                .add("attributes", Json.createObjectBuilder().add("decrypt", true).add("encrypt", true).add("sign", true)
                        .add("verify", true).add("unwrap", true).add("wrap", true).add("extractable", false)
                        .add("destroyable", true))
                .addNull("policy");
        if (size != null) {
            key.add("keySize", size);
        }
        if (curveOid != null) {
            key.add("curveOid", curveOid);
        }
        return key.build();
    }

    static String label(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndListedWithTheirRolesOnly() {
        String name = "it-listed-" + UUID.randomUUID().toString().substring(0, 8);
        String token = apiKey(name, "SERVICE");
        assertTrue(token.length() >= 40, token);
        Reply read = admin("GET", "tsb-keys/" + name, null);
        assertEquals(200, read.status());
        assertEquals("SERVICE", read.body().getJsonArray("roles").getString(0));
        assertFalse(read.raw().contains(token));
        assertFalse(admin("GET", "tsb-keys", null).raw().contains(token));
        assertEquals(200, call(token, "GET", "keystore/statistics", null).status());

        assertEquals(400, admin("PUT", "tsb-keys/" + name, Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ROOT")).build()).status());
        assertEquals(204, admin("DELETE", "tsb-keys/" + name, null).status());
        Reply revoked = call(token, "GET", "keystore/statistics", null);
        assertEquals(401, revoked.status());
        assertEquals(631, revoked.body().getInt("errorCode"), revoked.toString());
        assertEquals(404, admin("GET", "tsb-keys/" + name, null).status());
    }

    @Test
    void eachRoleReachesItsOwnOperationsOnly() {
        assertEquals(200, call(service, "GET", "keystore/statistics", null).status());
        assertEquals("pkcs11", call(service, "GET", "keystore/statistics", null).string("keyStore"));
        assertEquals(403, call(operation, "GET", "keystore/statistics", null).status());
        assertEquals(403, call(management, "GET", "keystore/statistics", null).status());
        assertEquals(401, call(null, "GET", "keystore/statistics", null).status());

        String label = label("tsb-roles");
        assertEquals(403, call(operation, "POST", "key", tsbKey(label, "RSA", 2048, null)).status());
        assertEquals(403, call(service, "POST", "key", tsbKey(label, "RSA", 2048, null)).status());
        assertEquals(200, call(management, "POST", "key", tsbKey(label, "RSA", 2048, null)).status());
        JsonObject sign = signBody(label, "SHA256_WITH_RSA", "DER", "aGVsbG8=");
        assertEquals(403, call(management, "POST", "synchronousSign", sign).status());
        assertEquals(200, call(operation, "POST", "synchronousSign", sign).status());
        assertEquals(403, call(operation, "POST", "key/deleteKey", Json.createObjectBuilder().add("label", label).build()).status());
        assertEquals(200, call(management, "POST", "key/deleteKey", Json.createObjectBuilder().add("label", label).build()).status());

        byte[] random = Base64.getDecoder().decode(call(service, "GET", "generateRandom/32", null).string("random"));
        assertEquals(32, random.length);
        assertEquals(400, call(service, "GET", "generateRandom/0", null).status());
    }

    @Test
    void keysAreCreatedReadListedAndDeletedAsTsbDoesIt() {
        String rsa = label("tsb-rsa");
        String ec = label("tsb-ec");
        String aes = label("tsb-aes");
        assertEquals(200, call(management, "POST", "key", tsbKey(rsa, "RSA", 2048, null)).status());
        assertEquals(200, call(management, "POST", "key", tsbKey(ec, "EC", null, "1.2.840.10045.3.1.7")).status());
        assertEquals(200, call(management, "POST", "key", tsbKey(aes, "AES", 256, null)).status());
        Reply unsupported = call(management, "POST", "key", tsbKey(label("tsb-bls"), "BLS", null, null));
        assertEquals(400, unsupported.status());

        JsonObject rsaAttributes = call(management, "POST", "key/attributes", Json.createObjectBuilder().add("label", rsa).build())
                .expectOk("attributes").body();
        assertEquals("RSA", rsaAttributes.getJsonObject("json").getString("algorithm"));
        assertEquals("1.2.840.113549.1.1.1", rsaAttributes.getJsonObject("json").getString("algorithmOid"));
        assertEquals(2048, rsaAttributes.getJsonObject("json").getInt("keySize"));
        assertTrue(rsaAttributes.getJsonObject("json").getJsonObject("attributes").getBoolean("decrypt"));
        assertTrue(rsaAttributes.getString("xml").contains("<label>" + rsa + "</label>"));
        JsonObject ecAttributes = call(management, "GET", "key/" + ec + "/attributes", null).expectOk("attributes").body();
        assertEquals("1.2.840.10045.3.1.7", ecAttributes.getJsonObject("json").getString("curveOid"));
        JsonObject aesAttributes = call(management, "GET", "key/" + aes + "/attributes", null).expectOk("attributes").body();
        assertEquals("AES", aesAttributes.getJsonObject("json").getString("algorithm"));
        assertEquals(256, aesAttributes.getJsonObject("json").getInt("keySize"));
        assertTrue(aesAttributes.getJsonObject("json").isNull("publicKey"));

        // a TSB client sees the first page (100 labels) of a bare array; following the cursor reads them all
        assertEquals(200, call(management, "GET", "key", null).status());
        JsonArray labels = Pages.all("/hermod/rest/v1/key", "X-API-KEY", management);
        assertTrue(labels.stream().anyMatch(v -> ((JsonString) v).getString().equals(aes)), labels.toString());

        for (String label : new String[] {rsa, ec, aes}) {
            assertEquals(200, call(management, "POST", "key/deleteKey", Json.createObjectBuilder().add("label", label).build()).status());
        }
        Reply gone = call(management, "POST", "key/attributes", Json.createObjectBuilder().add("label", aes).build());
        assertEquals(404, gone.status());
        assertEquals(630, gone.body().getInt("errorCode"));
    }

    static JsonObject signBody(String label, String algorithm, String type, String payload) {
        return Json.createObjectBuilder().add("signRequest", Json.createObjectBuilder().add("payload", payload)
                .add("payloadType", "UNSPECIFIED").add("signKeyName", label).add("signatureAlgorithm", algorithm)
                .add("signatureType", type)).build();
    }

    static boolean verified(String label, String algorithm, String payload, String signature) {
        return call(operation, "POST", "verify", Json.createObjectBuilder().add("verifySignatureRequest", Json.createObjectBuilder()
                .add("payload", payload).add("signKeyName", label).add("signatureAlgorithm", algorithm).add("signature", signature))
                .build()).expectOk("verify").body().getBoolean("signatureValid");
    }

    @Test
    void rsaAndEcSignaturesVerifyHereAndWithTheJdk() throws Exception {
        String rsa = label("tsb-sign-rsa");
        String ec = label("tsb-sign-ec");
        call(management, "POST", "key", tsbKey(rsa, "RSA", 2048, null)).expectOk("rsa");
        call(management, "POST", "key", tsbKey(ec, "EC", null, "1.2.840.10045.3.1.7")).expectOk("ec");
        byte[] message = "a message to sign".getBytes(StandardCharsets.UTF_8);
        String payload = Base64.getEncoder().encodeToString(message);

        String pkcs1 = call(operation, "POST", "synchronousSign", signBody(rsa, "SHA256_WITH_RSA", "DER", payload))
                .expectOk("sign").string("signature");
        assertTrue(jdkVerifies("SHA256withRSA", publicKey(rsa, "RSA"), message, Base64.getDecoder().decode(pkcs1)));
        assertTrue(verified(rsa, "SHA256_WITH_RSA", payload, pkcs1));
        assertFalse(verified(rsa, "SHA256_WITH_RSA", Base64.getEncoder().encodeToString("another".getBytes()), pkcs1));

        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(message));
        String pss = call(operation, "POST", "synchronousSign", signBody(rsa, "NONESHA256_WITH_RSA_PSS", "DER", digest))
                .expectOk("pss").string("signature");
        Signature jdkPss = Signature.getInstance("RSASSA-PSS");
        jdkPss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        jdkPss.initVerify(publicKey(rsa, "RSA"));
        jdkPss.update(message);
        assertTrue(jdkPss.verify(Base64.getDecoder().decode(pss)));
        assertTrue(verified(rsa, "SHA256_WITH_RSA_PSS", payload, pss));

        String raw = call(operation, "POST", "synchronousSign", signBody(ec, "SHA256_WITH_ECDSA", "RAW", payload))
                .expectOk("ecdsa").string("signature");
        byte[] rs = Base64.getDecoder().decode(raw);
        assertEquals(64, rs.length);
        assertTrue(jdkVerifies("SHA256withECDSAinP1363Format", publicKey(ec, "EC"), message, rs));
        assertTrue(verified(ec, "SHA256_WITH_ECDSA", payload, raw));
        String der = call(operation, "POST", "synchronousSign", signBody(ec, "SHA384_WITH_ECDSA", "DER", payload))
                .expectOk("ecdsa der").string("signature");
        assertTrue(jdkVerifies("SHA384withECDSA", publicKey(ec, "EC"), message, Base64.getDecoder().decode(der)));

        Reply mismatch = call(operation, "POST", "synchronousSign", signBody(ec, "SHA256_WITH_RSA", "DER", payload));
        assertEquals(400, mismatch.status());
        Reply unknown = call(operation, "POST", "synchronousSign", signBody(rsa, "MD5_WITH_RSA", "DER", payload));
        assertEquals(400, unknown.status());
        Reply missing = call(operation, "POST", "synchronousSign", signBody(label("nowhere"), "SHA256_WITH_RSA", "DER", payload));
        assertEquals(404, missing.status());
        assertEquals(630, missing.body().getInt("errorCode"));
    }

    @Test
    void deterministicEcdsaIsRefusedForKeysInTheHsmAndVerifiesAsEcdsa() {
        String ec = label("tsb-sign-deterministic");
        call(management, "POST", "key", tsbKey(ec, "EC", null, "1.2.840.10045.3.1.7")).expectOk("ec");
        String payload = Base64.getEncoder().encodeToString("deterministic".getBytes(StandardCharsets.UTF_8));

        // RFC 6979 derives the nonce from the private key, which SoftHSM2 keeps to itself.
        Reply refused = call(operation, "POST", "synchronousSign", signBody(ec, "SHA256_WITH_ECDSA_DETERMINISTIC", "DER", payload));
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("UNSUPPORTED_SIGNATURE_ALGORITHM", refused.body().getString("code"));
        assertEquals("res.error.unsupported.signature.algorithm", refused.body().getString("reason"));

        // A deterministic signature is an ECDSA signature: the verifier cannot tell, and needs no private key.
        String signature = call(operation, "POST", "synchronousSign", signBody(ec, "SHA256_WITH_ECDSA", "DER", payload))
                .expectOk("ecdsa").string("signature");
        assertTrue(verified(ec, "SHA256_WITH_ECDSA_DETERMINISTIC", payload, signature));
        assertFalse(verified(ec, "SHA256_WITH_ECDSA_DETERMINISTIC",
                Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.UTF_8)), signature));

        // With approvals the refusal comes before any approver is asked: no request is left waiting.
        Approver signer = Approver.ec("deterministic signer");
        call(management, "POST", "synchronousModify", modifyBody(ec,
                Rules.policy(Rules.rule(0, 0, Rules.group("signers", 1, signer)), null, null, null))).expectOk("modify");
        Reply waiting = call(operation, "POST", "sign", signBody(ec, "SHA256_WITH_ECDSA_DETERMINISTIC", "DER", payload));
        assertEquals(400, waiting.status(), waiting.toString());
        assertEquals("UNSUPPORTED_SIGNATURE_ALGORITHM", waiting.body().getString("code"));
        assertFalse(waiting.body().containsKey("signRequestId"));
    }

    static PublicKey publicKey(String label, String algorithm) throws Exception {
        String encoded = call(management, "POST", "key/attributes", Json.createObjectBuilder().add("label", label).build())
                .expectOk("public key").body().getJsonObject("json").getString("publicKey");
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    static boolean jdkVerifies(String algorithm, PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    static JsonObject encryptBody(String label, String algorithm, String payload) {
        return Json.createObjectBuilder().add("encryptRequest", Json.createObjectBuilder().add("payload", payload)
                .add("encryptKeyName", label).add("cipherAlgorithm", algorithm).addNull("additionalAuthenticationData")).build();
    }

    static JsonObject decryptBody(String label, String algorithm, String encrypted, String iv) {
        var request = Json.createObjectBuilder().add("encryptedPayload", encrypted).add("decryptKeyName", label)
                .add("cipherAlgorithm", algorithm).addNull("additionalAuthenticationData");
        if (iv != null) {
            request.add("initializationVector", iv);
        } else {
            request.addNull("initializationVector");
        }
        return Json.createObjectBuilder().add("decryptRequest", request).build();
    }

    @Test
    void rsaAndAesEncryptAndDecryptInTheToken() throws Exception {
        String rsa = label("tsb-enc-rsa");
        String aes = label("tsb-enc-aes");
        call(management, "POST", "key", tsbKey(rsa, "RSA", 2048, null)).expectOk("rsa");
        call(management, "POST", "key", tsbKey(aes, "AES", 256, null)).expectOk("aes");
        String plain = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        for (String algorithm : new String[] {"RSA", "RSA_PADDING_OAEP_WITH_SHA256", "RSA_PADDING_OAEP"}) {
            String encrypted = call(operation, "POST", "encrypt", encryptBody(rsa, algorithm, plain)).expectOk(algorithm)
                    .string("encryptedPayload");
            assertEquals(plain, call(operation, "POST", "synchronousDecrypt", decryptBody(rsa, algorithm, encrypted, null))
                    .expectOk(algorithm).string("payload"), algorithm);
        }
        javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdk.init(javax.crypto.Cipher.ENCRYPT_MODE, publicKey(rsa, "RSA"), new javax.crypto.spec.OAEPParameterSpec("SHA-256",
                "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
        String byJdk = Base64.getEncoder().encodeToString(jdk.doFinal("from the JDK".getBytes(StandardCharsets.UTF_8)));
        assertEquals("from the JDK", new String(Base64.getDecoder().decode(call(operation, "POST", "synchronousDecrypt",
                decryptBody(rsa, "RSA_PADDING_OAEP_WITH_SHA256", byJdk, null)).expectOk("jdk oaep").string("payload")),
                StandardCharsets.UTF_8));
        Reply wrongPadding = call(operation, "POST", "synchronousDecrypt", decryptBody(rsa, "RSA_PADDING_OAEP_WITH_SHA512", byJdk, null));
        assertEquals(400, wrongPadding.status(), wrongPadding.toString());
        byte[] unpadded = Base64.getDecoder().decode(call(operation, "POST", "synchronousDecrypt",
                decryptBody(rsa, "RSA_NO_PADDING", call(operation, "POST", "encrypt", encryptBody(rsa, "RSA_NO_PADDING", plain))
                        .expectOk("raw").string("encryptedPayload"), null)).expectOk("raw").string("payload"));
        assertEquals(256, unpadded.length);
        assertEquals(new BigInteger(1, Base64.getDecoder().decode(plain)), new BigInteger(1, unpadded));

        for (String algorithm : new String[] {"AES_GCM", "AES_CTR", "AES_ECB", "AES_CBC_NO_PADDING", "AES"}) {
            JsonObject encrypted = call(operation, "POST", "encrypt", encryptBody(aes, algorithm, plain)).expectOk(algorithm).body();
            String iv = encrypted.isNull("initializationVector") ? null : encrypted.getString("initializationVector");
            assertEquals(!"AES_ECB".equals(algorithm), iv != null, algorithm);
            assertEquals(plain, call(operation, "POST", "synchronousDecrypt",
                    decryptBody(aes, algorithm, encrypted.getString("encryptedPayload"), iv)).expectOk(algorithm).string("payload"));
        }
        JsonObject gcm = call(operation, "POST", "encrypt", encryptBody(aes, "AES_GCM", plain)).expectOk("gcm").body();
        byte[] tampered = Base64.getDecoder().decode(gcm.getString("encryptedPayload"));
        tampered[0] ^= 1;
        Reply refused = call(operation, "POST", "synchronousDecrypt", decryptBody(aes, "AES_GCM",
                Base64.getEncoder().encodeToString(tampered), gcm.getString("initializationVector")));
        assertEquals(400, refused.status(), refused.toString());
        assertNotNull(refused.body().get("errorCode"));
        assertEquals(400, call(operation, "POST", "encrypt", encryptBody(aes, "CHACHA20", plain)).status());
    }

    @Test
    void asynchronousCallsAnswerARequestIdAndBlockingStopsUse() {
        String rsa = label("tsb-async");
        call(management, "POST", "key", tsbKey(rsa, "RSA", 2048, null)).expectOk("rsa");
        String payload = Base64.getEncoder().encodeToString("later".getBytes(StandardCharsets.UTF_8));
        JsonObject signed = call(operation, "POST", "sign", signBody(rsa, "SHA256_WITH_RSA", "DER", payload)).expectOk("sign").body();
        String id = signed.getString("signRequestId");
        JsonObject request = call(operation, "GET", "request/" + id, null).expectOk("request").body();
        assertEquals("EXECUTED", request.getString("status"));
        assertEquals(signed.getString("signature"), request.getString("result"));
        assertTrue(verified(rsa, "SHA256_WITH_RSA", payload, request.getString("result")));

        String encrypted = call(operation, "POST", "encrypt", encryptBody(rsa, "RSA", payload)).expectOk("encrypt").string("encryptedPayload");
        JsonObject decrypted = call(operation, "POST", "decrypt", decryptBody(rsa, "RSA", encrypted, null)).expectOk("decrypt").body();
        assertEquals(payload, call(operation, "GET", "request/" + decrypted.getString("decryptRequestId"), null)
                .expectOk("decrypt request").string("result"));

        JsonObject block = Json.createObjectBuilder().add("blockRequest", Json.createObjectBuilder().add("blockKeyName", rsa)).build();
        assertEquals(403, call(management, "POST", "synchronousBlock", block).status());
        assertEquals(200, call(operation, "POST", "synchronousBlock", block).status());
        Reply blocked = call(operation, "POST", "synchronousSign", signBody(rsa, "SHA256_WITH_RSA", "DER", payload));
        assertEquals(409, blocked.status());
        assertEquals(633, blocked.body().getInt("errorCode"));
        JsonObject unblock = Json.createObjectBuilder().add("unblockRequest", Json.createObjectBuilder().add("unblockKeyName", rsa)).build();
        String unblockId = call(operation, "POST", "unblock", unblock).expectOk("unblock").string("unblockKeyRequestId");
        assertEquals("EXECUTED", call(operation, "GET", "request/" + unblockId, null).string("status"));
        assertEquals(200, call(operation, "POST", "synchronousSign", signBody(rsa, "SHA256_WITH_RSA", "DER", payload)).status());
    }

    @Test
    void synchronousCertificateCallsTakeTsbsFlatBodies() {
        String ca = label("tsb-ca");
        String plain = label("tsb-plain");
        call(management, "POST", "key", tsbKey(ca, "EC", null, "1.2.840.10045.3.1.7")).expectOk("ca");
        call(management, "POST", "key", tsbKey(plain, "RSA", 2048, null)).expectOk("plain");
        JsonObject selfSign = Json.createObjectBuilder().add("signKeyName", ca).add("signatureAlgorithm", "SHA256_WITH_ECDSA")
                .add("validity", 365).add("commonName", "TSB Test CA").add("organizationName", "Ratatosk")
                .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN").add("CRL_SIGN"))
                .add("extendedKeyUsage", Json.createArrayBuilder()).add("certificateAuthority", true).build();
        String caPem = call(operation, "POST", "certificate/synchronous/selfsign", selfSign).expectOk("selfsign").string("certificate");
        java.security.cert.X509Certificate caCertificate = TestCertificates.certificates(caPem).get(0);
        assertTrue(caCertificate.getBasicConstraints() >= 0, "CA:TRUE");
        assertEquals("CN=TSB Test CA,O=Ratatosk", caCertificate.getSubjectX500Principal().getName());

        String csr = TestCertificates.csr(TestCertificates.rsa(), "CN=leaf");
        JsonObject sign = Json.createObjectBuilder().add("signKeyName", ca).add("signatureAlgorithm", "SHA256_WITH_ECDSA")
                .add("commonName", "leaf").add("certificateSigningRequest", csr)
                .add("keyUsage", Json.createArrayBuilder().add("DIGITAL_SIGNATURE"))
                .add("extendedKeyUsage", Json.createArrayBuilder().add("CLIENT_AUTH")).add("certificateAuthority", false).build();
        String leafPem = call(operation, "POST", "certificate/synchronous/sign", sign).expectOk("sign").string("certificate");
        java.security.cert.X509Certificate leaf = TestCertificates.certificates(leafPem).get(0);
        assertEquals(caCertificate.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(-1, leaf.getBasicConstraints());

        JsonObject notCa = Json.createObjectBuilder().add("signCertificateRequest", Json.createObjectBuilder()
                .add("signKeyName", plain).add("certificateSigningRequest", csr)).build();
        Reply refused = call(operation, "POST", "certificate/sign", notCa);
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("NO_CA_CERTIFICATE", refused.body().getString("code"));

        JsonObject csrRequest = Json.createObjectBuilder().add("signKeyName", plain).add("signatureAlgorithm", "SHA256_WITH_RSA")
                .add("commonName", "csr of plain").build();
        assertTrue(call(operation, "POST", "certificate/synchronous/request", csrRequest).expectOk("csr")
                .string("certificateSigningRequest").contains("CERTIFICATE REQUEST-----"));
        assertEquals(403, call(management, "POST", "certificate/synchronous/request", csrRequest).status());
    }

    static JsonObject extractable(JsonObject key) {
        JsonObject attributes = Json.createObjectBuilder(key.getJsonObject("attributes")).add("extractable", true).build();
        return Json.createObjectBuilder(key).add("attributes", attributes).build();
    }

    static JsonObject wrapBody(String wrapKey, String target, String method) {
        return Json.createObjectBuilder().add("wrapKeyRequest", Json.createObjectBuilder().add("keyToBeWrapped", target)
                .add("wrapKeyName", wrapKey).add("wrapMethod", method)).build();
    }

    static JsonObject unwrapBody(String wrapped, String label, String unwrapKey, String method) {
        return Json.createObjectBuilder().add("unwrapKeyRequest", Json.createObjectBuilder().add("wrappedKey", wrapped)
                .add("label", label).add("unwrapKeyName", unwrapKey).add("wrapMethod", method)
                .add("attributes", Json.createObjectBuilder().add("decrypt", true).add("encrypt", true).add("unwrap", true)
                        .add("wrap", true).add("extractable", true).add("destroyable", true))
                .addNull("policy")).build();
    }

    @Test
    void aesKeysAreWrappedAndUnwrappedByAesAndRsaKeysInTheToken() {
        String kek = label("tsb-wrap-kek");
        String rsa = label("tsb-wrap-rsa");
        String target = label("tsb-wrap-target");
        String sealed = label("tsb-wrap-sealed");
        call(management, "POST", "key", extractable(tsbKey(kek, "AES", 256, null))).expectOk("kek");
        call(management, "POST", "key", tsbKey(rsa, "RSA", 2048, null)).expectOk("rsa");
        call(management, "POST", "key", extractable(tsbKey(target, "AES", 256, null))).expectOk("target");
        call(management, "POST", "key", tsbKey(sealed, "AES", 128, null)).expectOk("sealed");
        String plain = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String encrypted = call(operation, "POST", "encrypt", encryptBody(target, "AES_ECB", plain)).expectOk("encrypt")
                .string("encryptedPayload");

        String[][] cases = {{"AES_WRAP", kek, "40"}, {"AES_WRAP_PAD", kek, "40"}, {"RSA_WRAP_PAD", rsa, "256"},
            {"RSA_WRAP_OAEP", rsa, "256"}};
        for (String[] wrapCase : cases) {
            String method = wrapCase[0];
            Reply wrap = call(operation, "POST", "wrap", wrapBody(wrapCase[1], target, method));
            assertEquals(200, wrap.status(), method + " " + wrap);
            byte[] wrapped = Base64.getDecoder().decode(wrap.string("wrappedKey"));
            assertEquals(Integer.parseInt(wrapCase[2]), wrapped.length, method);

            String copy = label("tsb-wrap-copy");
            Reply unwrap = call(operation, "POST", "synchronousUnwrap", unwrapBody(wrap.string("wrappedKey"), copy, wrapCase[1], method));
            assertEquals(201, unwrap.status(), method + " " + unwrap);
            JsonObject attributes = call(management, "GET", "key/" + copy + "/attributes", null).expectOk("copy").body()
                    .getJsonObject("json");
            assertEquals("AES", attributes.getString("algorithm"), method);
            assertEquals(256, attributes.getInt("keySize"), method);
            assertEquals(plain, call(operation, "POST", "synchronousDecrypt", decryptBody(copy, "AES_ECB", encrypted, null))
                    .expectOk(method).string("payload"), method + ": the unwrapped key is the wrapped one");
            assertEquals(409, call(operation, "POST", "synchronousUnwrap",
                    unwrapBody(wrap.string("wrappedKey"), copy, wrapCase[1], method)).status(), method + " twice");
        }

        Reply notExtractable = call(operation, "POST", "wrap", wrapBody(kek, sealed, "AES_WRAP"));
        assertEquals(403, notExtractable.status(), notExtractable.toString());
        assertEquals("KEY_NOT_EXTRACTABLE", notExtractable.body().getString("code"));
        Reply privateKey = call(operation, "POST", "wrap", wrapBody(kek, rsa, "AES_WRAP_RSA"));
        assertEquals(403, privateKey.status(), privateKey.toString());
        assertEquals("KEY_NOT_EXTRACTABLE", privateKey.body().getString("code"));
        for (String method : new String[] {"AES_WRAP_EC", "AES_WRAP_DSA", "AES_WRAP_PAD_ED", "NO_SUCH_METHOD"}) {
            Reply refusedMethod = call(operation, "POST", "wrap", wrapBody(kek, rsa, method));
            assertEquals(400, refusedMethod.status(), method + " " + refusedMethod);
            assertEquals("UNSUPPORTED_WRAP_METHOD", refusedMethod.body().getString("code"), method);
        }
        Reply wrongKind = call(operation, "POST", "wrap", wrapBody(rsa, target, "AES_WRAP"));
        assertEquals(400, wrongKind.status(), wrongKind.toString());
        assertEquals(403, call(management, "POST", "wrap", wrapBody(kek, target, "AES_WRAP")).status());

        String damagedLabel = label("tsb-wrap-damaged");
        byte[] damaged = Base64.getDecoder().decode(call(operation, "POST", "wrap", wrapBody(kek, target, "AES_WRAP"))
                .expectOk("wrap").string("wrappedKey"));
        damaged[3] ^= 1;
        Reply refused = call(operation, "POST", "synchronousUnwrap",
                unwrapBody(Base64.getEncoder().encodeToString(damaged), damagedLabel, kek, "AES_WRAP"));
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("UNWRAP_FAILED", refused.body().getString("code"));
        assertEquals(701, refused.body().getInt("errorCode"), "TSB's code for an unwrapping the HSM refuses");
        assertEquals("res.error.in.hsm", refused.body().getString("reason"));
        assertEquals(404, call(management, "GET", "key/" + damagedLabel + "/attributes", null).status());
        Reply notBase64 = call(operation, "POST", "synchronousUnwrap", unwrapBody("%%%", damagedLabel, kek, "AES_WRAP"));
        assertEquals(400, notBase64.status(), notBase64.toString());
    }

    @Test
    void privateKeysAreWrappedByAesKeysAndUnwrappedIntoKeysThatSignForTheSamePublicKey() throws Exception {
        String kek = label("tsb-pwrap-kek");
        call(management, "POST", "key", extractable(tsbKey(kek, "AES", 256, null))).expectOk("kek");
        String[][] cases = {{"RSA", "AES_WRAP_RSA", null, "SHA256_WITH_RSA"}, {"RSA", "AES_WRAP_PAD_RSA", null, "SHA256_WITH_RSA"},
            {"EC", "AES_WRAP_EC", "1.2.840.10045.3.1.7", "SHA256_WITH_ECDSA"}, {"EC", "AES_WRAP_PAD_EC", "1.3.132.0.35", "SHA512_WITH_ECDSA"}};
        byte[] message = "signed by the unwrapped key".getBytes(StandardCharsets.UTF_8);
        String payload = Base64.getEncoder().encodeToString(message);
        for (String[] wrapCase : cases) {
            String method = wrapCase[1];
            String original = label("tsb-pwrap-original");
            call(management, "POST", "key", extractable(tsbKey(original, wrapCase[0], "RSA".equals(wrapCase[0]) ? 2048 : null,
                    wrapCase[2]))).expectOk(method);
            String wrapped = call(operation, "POST", "wrap", wrapBody(kek, original, method)).expectOk(method).string("wrappedKey");

            String copy = label("tsb-pwrap-copy");
            Reply unwrap = call(operation, "POST", "synchronousUnwrap", unwrapBody(wrapped, copy, kek, method));
            assertEquals(201, unwrap.status(), method + " " + unwrap);
            JsonObject attributes = call(management, "GET", "key/" + copy + "/attributes", null).expectOk("copy").body()
                    .getJsonObject("json");
            JsonObject originalAttributes = call(management, "GET", "key/" + original + "/attributes", null).expectOk("original")
                    .body().getJsonObject("json");
            assertEquals(wrapCase[0], attributes.getString("algorithm"), method);
            assertEquals(originalAttributes.getInt("keySize"), attributes.getInt("keySize"), method);
            assertEquals(originalAttributes.getString("publicKey"), attributes.getString("publicKey"), method);
            String signature = call(operation, "POST", "synchronousSign", signBody(copy, wrapCase[3], "DER", payload))
                    .expectOk(method + " sign").string("signature");
            assertTrue(verified(original, wrapCase[3], payload, signature), method + ": the copy signs as the original");
            assertTrue(jdkVerifies(wrapCase[3].replace("_WITH_", "with"), publicKey(original, wrapCase[0]),
                    message, Base64.getDecoder().decode(signature)), method);

            byte[] damaged = Base64.getDecoder().decode(wrapped);
            damaged[damaged.length - 1] ^= 1;
            String refusedLabel = label("tsb-pwrap-refused");
            Reply refused = call(operation, "POST", "synchronousUnwrap",
                    unwrapBody(Base64.getEncoder().encodeToString(damaged), refusedLabel, kek, method));
            assertEquals(400, refused.status(), method + " " + refused);
            assertEquals("UNWRAP_FAILED", refused.body().getString("code"), method);
            assertEquals(404, call(management, "GET", "key/" + refusedLabel + "/attributes", null).status(), method);
        }
    }

    @Test
    void asynchronousUnwrapRunsAtOnceOrWaitsForTheUnwrappingKeysApprovers() throws Exception {
        String kek = label("tsb-async-kek");
        String target = label("tsb-async-target");
        call(management, "POST", "key", extractable(tsbKey(kek, "AES", 256, null))).expectOk("kek");
        call(management, "POST", "key", extractable(tsbKey(target, "AES", 128, null))).expectOk("target");
        String wrapped = call(operation, "POST", "wrap", wrapBody(kek, target, "AES_WRAP")).expectOk("wrap").string("wrappedKey");

        String now = label("tsb-async-now");
        String id = call(operation, "POST", "unwrap", unwrapBody(wrapped, now, kek, "AES_WRAP")).expectOk("unwrap")
                .string("unwrapRequestId");
        JsonObject executed = call(operation, "GET", "request/" + id, null).expectOk("request").body();
        assertEquals("EXECUTED", executed.getString("status"));
        assertEquals("UNWRAP", executed.getString("operation"));
        assertEquals(now, executed.getString("result"));
        assertEquals(128, call(management, "GET", "key/" + now + "/attributes", null).expectOk("now").body()
                .getJsonObject("json").getInt("keySize"));
        Reply wrongMethod = call(operation, "POST", "unwrap", unwrapBody(wrapped, label("tsb-async-pad"), kek, "AES_WRAP_PAD"));
        assertEquals(400, wrongMethod.status(), wrongMethod.toString());
        assertEquals("UNWRAP_FAILED", wrongMethod.body().getString("code"));
        assertEquals(403, call(management, "POST", "unwrap", unwrapBody(wrapped, label("tsb-async-role"), kek, "AES_WRAP")).status());

        // An RSA key whose use needs an approver: the AES key is wrapped here with its public key.
        String governed = label("tsb-async-governed");
        Approver officer = Approver.ec("unwrap officer");
        JsonObject policy = Rules.policy(Rules.rule(0, 0, Rules.group("officers", 1, officer)), null, null, null);
        call(management, "POST", "key", Json.createObjectBuilder(tsbKey(governed, "RSA", 2048, null)).add("policy", policy).build())
                .expectOk("governed");
        byte[] aes = new byte[16];
        new java.security.SecureRandom().nextBytes(aes);
        javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(javax.crypto.Cipher.ENCRYPT_MODE, publicKey(governed, "RSA"));
        String sealed = Base64.getEncoder().encodeToString(rsa.doFinal(aes));
        Reply synchronous = call(operation, "POST", "synchronousUnwrap", unwrapBody(sealed, label("tsb-async-sync"), governed, "RSA_WRAP_PAD"));
        assertEquals(403, synchronous.status(), synchronous.toString());
        assertEquals("APPROVAL_REQUIRED", synchronous.body().getString("code"));

        String later = label("tsb-async-later");
        Reply submitted = call(operation, "POST", "unwrap", unwrapBody(sealed, later, governed, "RSA_WRAP_PAD")).expectOk("submit");
        String pending = submitted.string("unwrapRequestId");
        assertEquals(1, submitted.body().size(), "the answer is the request id alone");
        assertEquals("PENDING", call(operation, "GET", "request/" + pending, null).expectOk("pending").string("status"));
        assertEquals(404, call(management, "GET", "key/" + later + "/attributes", null).status(), "nothing is unwrapped before approval");
        assertEquals(java.util.List.of(pending), officer.taskIds("filteredUnwrapKeyApprovalTask"), "an unwrap task");
        assertEquals(java.util.List.of(), officer.taskIds("filteredSignApprovalTask"), "not a sign task");
        assertEquals("EXECUTED", officer.approve(pending).expectOk("approve").string("status"));
        assertEquals(later, call(operation, "GET", "request/" + pending, null).expectOk("executed").string("result"));
        String block = Base64.getEncoder().encodeToString("sixteen bytes!!!".getBytes(StandardCharsets.US_ASCII));
        byte[] encrypted = Base64.getDecoder().decode(call(operation, "POST", "encrypt", encryptBody(later, "AES_ECB", block))
                .expectOk("encrypt").string("encryptedPayload"));
        javax.crypto.Cipher local = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        local.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(aes, "AES"));
        assertEquals("sixteen bytes!!!", new String(local.doFinal(encrypted), StandardCharsets.US_ASCII),
                "the unwrapped key is the one sealed under the governed key");
    }

    static JsonObject modifyBody(String label, JsonObject policy) {
        return Json.createObjectBuilder().add("modifyRequest", Json.createObjectBuilder().add("modifyKeyName", label)
                .add("policy", policy == null ? JsonValue.NULL : policy)).build();
    }

    @Test
    void modifyReplacesThePolicyUnderTheKeysRuleModify() {
        String label = label("tsb-modify");
        call(management, "POST", "key", tsbKey(label, "EC", null, "1.2.840.10045.3.1.7")).expectOk("key");
        String payload = Base64.getEncoder().encodeToString("modified".getBytes(StandardCharsets.UTF_8));
        Approver signer = Approver.ec("modify signer");
        Approver guardian = Approver.ec("modify guardian");
        JsonObject governed = Rules.policy(Rules.rule(0, 0, Rules.group("signers", 1, signer)), null, null,
                Rules.rule(0, 0, Rules.group("guardians", 1, guardian)));

        assertEquals(403, call(operation, "POST", "synchronousModify", modifyBody(label, governed)).status(), "a key operation token");
        Reply modified = call(management, "POST", "synchronousModify", modifyBody(label, governed));
        assertEquals(200, modified.status(), modified.toString());
        JsonObject policy = call(management, "GET", "key/" + label + "/attributes", null).expectOk("attributes").body()
                .getJsonObject("json").getJsonObject("policy");
        assertEquals(signer.publicKey(), policy.getJsonObject("ruleUse").getJsonArray("tokens").getJsonObject(0).getJsonArray("groups")
                .getJsonObject(0).getJsonArray("approvals").getJsonObject(0).getString("value"));
        assertFalse(policy.getJsonObject("keyStatus").getBoolean("blocked"));
        Reply needsApproval = call(operation, "POST", "synchronousSign", signBody(label, "SHA256_WITH_ECDSA", "DER", payload));
        assertEquals(403, needsApproval.status(), "use now needs the signer: " + needsApproval);
        assertEquals("APPROVAL_REQUIRED", needsApproval.body().getString("code"));

        // Now the policy itself is guarded: synchronously refused, asynchronously it waits for the guardian.
        Reply refused = call(management, "POST", "synchronousModify", modifyBody(label, null));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("APPROVAL_REQUIRED", refused.body().getString("code"));
        String id = call(management, "POST", "modify", modifyBody(label, null)).expectOk("modify").string("modifyKeyRequestId");
        assertEquals("PENDING", call(management, "GET", "request/" + id, null).expectOk("pending").string("status"));
        assertEquals(403, call(operation, "POST", "synchronousSign", signBody(label, "SHA256_WITH_ECDSA", "DER", payload)).status());
        assertEquals("EXECUTED", guardian.approve(id).expectOk("approve").string("status"));
        assertEquals(200, call(operation, "POST", "synchronousSign", signBody(label, "SHA256_WITH_ECDSA", "DER", payload)).status(),
                "the open policy is in force once the guardian approved");

        String open = call(management, "POST", "modify", modifyBody(label, governed)).expectOk("open modify").string("modifyKeyRequestId");
        assertEquals("EXECUTED", call(management, "GET", "request/" + open, null).expectOk("executed").string("status"));
        Reply unknown = call(management, "POST", "synchronousModify", modifyBody(label("tsb-modify-none"), null));
        assertEquals(404, unknown.status());
        assertEquals(630, unknown.body().getInt("errorCode"));
        Reply badPolicy = call(management, "POST", "synchronousModify", Json.createObjectBuilder().add("modifyRequest",
                Json.createObjectBuilder().add("modifyKeyName", label).add("policy", "everyone")).build());
        assertEquals(400, badPolicy.status(), badPolicy.toString());
        assertEquals(400, call(management, "POST", "synchronousModify", Json.createObjectBuilder().add("modifyRequest",
                Json.createObjectBuilder().add("modifyKeyName", label)).build()).status(), "no policy");
    }

    /** Times an {@link java.time.Instant} cannot add to a request's creation are the policy's fault, not the server's. */
    @Test
    void aTimelockOrTimeoutBeyondAHundredYearsIsAnInvalidPolicy() {
        Approver approver = Approver.ec("far future approver");
        long hundredYears = 100L * 366 * 24 * 3600;
        for (long[] times : new long[][] {{Long.MAX_VALUE, 0}, {0, Long.MAX_VALUE}, {0, hundredYears + 1}}) {
            String label = label("tsb-far-future");
            JsonObject key = Json.createObjectBuilder(tsbKey(label, "EC", null, "1.2.840.10045.3.1.7"))
                    .add("policy", Rules.policy(Rules.rule(times[0], times[1], Rules.group("g", 1, approver)), null, null, null)).build();
            Reply refused = call(management, "POST", "key", key);
            assertEquals(400, refused.status(), refused.toString());
            assertEquals("INVALID_POLICY", refused.body().getString("code"));
            assertEquals(400, refused.body().getInt("errorCode"));
            assertEquals(404, call(management, "GET", "key/" + label, null).status(), "nothing was created");
        }

        String label = label("tsb-far-future");
        call(management, "POST", "key", Json.createObjectBuilder(tsbKey(label, "EC", null, "1.2.840.10045.3.1.7"))
                .add("policy", Rules.policy(Rules.rule(0, hundredYears, Rules.group("g", 1, approver)), null, null, null)).build())
                .expectOk("a hundred years is allowed");
        String payload = Base64.getEncoder().encodeToString("far future".getBytes(StandardCharsets.UTF_8));
        String id = call(operation, "POST", "sign", signBody(label, "SHA256_WITH_ECDSA", "DER", payload)).expectOk("sign")
                .string("signRequestId");
        assertEquals("PENDING", call(management, "GET", "request/" + id, null).expectOk("pending").string("status"));
        JsonObject overflowing = Rules.policy(Rules.rule(Long.MAX_VALUE - 1, Long.MAX_VALUE, Rules.group("g", 1, approver)),
                null, null, null);
        for (String call : List.of("synchronousModify", "modify")) {
            Reply refused = call(management, "POST", call, modifyBody(label, overflowing));
            assertEquals(400, refused.status(), call + ": " + refused);
            assertEquals("INVALID_POLICY", refused.body().getString("code"));
        }
    }

    @Test
    void aKeysCertificateIsReadDeletedAndImported() throws Exception {
        String label = label("tsb-cert");
        String other = label("tsb-cert-other");
        call(management, "POST", "key", tsbKey(label, "RSA", 2048, null)).expectOk("key");
        call(management, "POST", "key", tsbKey(other, "RSA", 2048, null)).expectOk("other");
        Reply none = call(operation, "GET", "certificate/" + label, null);
        assertEquals(404, none.status(), none.toString());
        assertEquals("CERTIFICATE_NOT_FOUND", none.body().getString("code"));

        call(operation, "POST", "certificate/synchronous/selfsign", Json.createObjectBuilder().add("signKeyName", label)
                .add("commonName", "imported later").add("signatureAlgorithm", "SHA256_WITH_RSA").add("validity", 30).build())
                .expectOk("selfsign");
        Reply read = call(operation, "GET", "certificate/" + label, null).expectOk("read");
        assertEquals(label, read.string("label"));
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(read.string("certificate").getBytes(StandardCharsets.US_ASCII)));
        assertEquals("CN=imported later", certificate.getSubjectX500Principal().getName());
        assertEquals(publicKey(label, "RSA"), certificate.getPublicKey());
        assertEquals(403, call(management, "GET", "certificate/" + label, null).status(), "a key management token");

        assertEquals(label, call(operation, "DELETE", "certificate/" + label, null).expectOk("delete").string("label"));
        assertEquals(404, call(operation, "GET", "certificate/" + label, null).status());
        assertEquals(404, call(operation, "DELETE", "certificate/" + label, null).status());
        assertEquals(200, call(management, "GET", "key/" + label + "/attributes", null).status(), "the key stays");

        String der = Base64.getEncoder().encodeToString(certificate.getEncoded());
        Reply imported = call(operation, "POST", "certificate/import/plain", Json.createObjectBuilder().add("label", label)
                .add("certificate", der).build());
        assertEquals(200, imported.status(), imported.toString());
        assertEquals(read.string("certificate"), imported.string("certificate"));
        assertEquals(read.string("certificate"), call(operation, "GET", "certificate/" + label, null).expectOk("again").string("certificate"));

        Reply mismatch = call(operation, "POST", "certificate/import/plain", Json.createObjectBuilder().add("label", other)
                .add("certificate", der).build());
        assertEquals(422, mismatch.status(), mismatch.toString());
        assertEquals("CERTIFICATE_KEY_MISMATCH", mismatch.body().getString("code"));
        Reply garbage = call(operation, "POST", "certificate/import/plain", Json.createObjectBuilder().add("label", other)
                .add("certificate", "bm90IGEgY2VydGlmaWNhdGU=").build());
        assertEquals(400, garbage.status(), garbage.toString());
        assertEquals(404, call(operation, "POST", "certificate/import/plain", Json.createObjectBuilder()
                .add("label", label("tsb-cert-none")).add("certificate", der).build()).status());
    }
}
