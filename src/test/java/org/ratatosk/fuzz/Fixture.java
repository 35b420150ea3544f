package org.ratatosk.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.ratatosk.devicesim.ProvisionCommands;

/**
 * What valid requests of every operation need, made through the API itself: an API client, a
 * provisioning with its mailbox message, a key with a CA certificate, an approver, a UEM user's
 * one-time password. Then one valid request {@link Template} per operation.
 */
public final class Fixture {

    private final RawHttp http;
    private final String admin;
    private final String uem;
    private final String uemPrefix;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String clientId = "fuzz-" + run;
    private final String apiKey = "fuzz-key-" + UUID.randomUUID();
    private String commandId;
    private String bid;
    private String mid;
    private String boxToken;
    private final String keyLabel = "fuzz-ca-" + run;
    private String csrPem;
    private KeyPair approver;
    private final String aesLabel = "fuzz-aes-" + run;
    private final String certLabel = "fuzz-cert-" + run;
    private final String blockLabel = "fuzz-block-" + run;
    private final String modifyLabel = "fuzz-modify-" + run;
    private String wrappedKey;
    private String encryptedPayload;
    private String signature;
    private String certificatePem;
    private String clientCertificatePem;
    private String tsbToken;

    public Fixture(RawHttp http, String adminUser, String adminPassword, String uemUser, String uemPassword, String uemPrefix) {
        this.http = http;
        this.admin = basic(adminUser, adminPassword);
        this.uem = basic(uemUser, uemPassword);
        this.uemPrefix = uemPrefix;
    }

    public Fixture create() throws Exception {
        expect(200, send("PUT", "/hermod/rest/admin/clients/" + clientId, admin(),
                "{\"key\":\"" + apiKey + "\",\"callbackUrl\":\"http://127.0.0.1:9/rest\",\"attestationKeys\":[]}"), "client");
        JsonObject submitted = json(expect(200, send("POST", "/hermod/rest/command/provision", apiClient(),
                ProvisionCommands.provision().build().toString()), "provision"));
        commandId = submitted.getString("commandId");
        JsonObject destination = submitted.getJsonArray("destinations").getJsonObject(0);
        bid = destination.getString("bid");
        mid = destination.getString("mid");
        String uri = destination.getString("uri");
        boxToken = URLDecoder.decode(uri.substring(uri.indexOf("token=") + 6), StandardCharsets.UTF_8);
        expect(200, send("POST", "/hermod/rest/v1/key", admin(), "{\"label\":\"" + keyLabel
                + "\",\"algorithm\":\"EC\",\"curveOid\":\"1.2.840.10045.3.1.7\",\"attributes\":{\"sign\":true,\"destroyable\":true}}"), "key");
        expect(200, send("POST", "/hermod/rest/v1/certificate/selfsign", admin(), selfSign()), "selfsign");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair subject = generator.generateKeyPair();
        approver = generator.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=fuzz"), subject.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(subject.getPrivate())).getEncoded();
        csrPem = "-----BEGIN CERTIFICATE REQUEST-----\\n" + Base64.getEncoder().encodeToString(csr) + "\\n-----END CERTIFICATE REQUEST-----";
        createTsbFixture(subject);
        return this;
    }

    /** What the TSB operations need: an AES key and a wrapping of it, a key holding a certificate, keys to block and modify, an API key. */
    private void createTsbFixture(KeyPair subject) throws Exception {
        expect(200, send("POST", "/hermod/rest/v1/key", admin(), "{\"label\":\"" + aesLabel + "\",\"algorithm\":\"AES\",\"keySize\":256,"
                + "\"attributes\":{\"decrypt\":true,\"unwrap\":true,\"extractable\":true,\"destroyable\":true}}"), "aes key");
        for (String label : List.of(certLabel, blockLabel, modifyLabel)) {
            expect(200, send("POST", "/hermod/rest/v1/key", admin(), "{\"label\":\"" + label + "\",\"algorithm\":\"EC\","
                    + "\"curveOid\":\"1.2.840.10045.3.1.7\",\"attributes\":{\"sign\":true,\"modifiable\":true,\"destroyable\":true}}"), label);
        }
        expect(200, send("POST", "/hermod/rest/v1/certificate/synchronous/selfsign", admin(), "{\"signKeyName\":\"" + certLabel
                + "\",\"commonName\":\"fuzz certificate\",\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\",\"validity\":30}"), "cert");
        certificatePem = json(expect(200, send("GET", "/hermod/rest/v1/certificate/" + certLabel, admin(), null), "read cert"))
                .getString("certificate");
        wrappedKey = json(expect(200, send("POST", "/hermod/rest/v1/wrap", admin(), "{\"wrapKeyRequest\":{\"keyToBeWrapped\":\""
                + aesLabel + "\",\"wrapKeyName\":\"" + aesLabel + "\",\"wrapMethod\":\"AES_WRAP\"}}"), "wrap")).getString("wrappedKey");
        encryptedPayload = json(expect(200, send("POST", "/hermod/rest/v1/encrypt", admin(), encryptBody()), "encrypt"))
                .getString("encryptedPayload");
        signature = json(expect(200, send("POST", "/hermod/rest/v1/synchronousSign", admin(), signBody()), "sign")).getString("signature");
        tsbToken = json(expect(200, send("PUT", "/hermod/rest/admin/tsb-keys/fuzz-operation-" + run, admin(),
                "{\"roles\":[\"KEY_OPERATION\",\"KEY_MANAGEMENT\"]}"), "tsb key")).getString("token");
        byte[] certificate = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new X500Name("CN=fuzz client"),
                java.math.BigInteger.valueOf(System.nanoTime()), new java.util.Date(System.currentTimeMillis() - 60_000),
                new java.util.Date(System.currentTimeMillis() + 86_400_000L), new X500Name("CN=fuzz client"), subject.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(subject.getPrivate())).getEncoded();
        clientCertificatePem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate)
                + "\n-----END CERTIFICATE-----\n";
    }

    private String encryptBody() {
        return "{\"encryptRequest\":{\"payload\":\"MDEyMzQ1Njc4OWFiY2RlZg==\",\"encryptKeyName\":\"" + aesLabel
                + "\",\"cipherAlgorithm\":\"AES_ECB\",\"additionalAuthenticationData\":null}}";
    }

    private String signBody() {
        return "{\"signRequest\":{\"payload\":\"aGVsbG8=\",\"payloadType\":\"UNSPECIFIED\",\"signKeyName\":\"" + keyLabel
                + "\",\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\",\"signatureType\":\"DER\"}}";
    }

    private String selfSign() {
        return "{\"selfSignCertificateRequest\":{\"signKeyName\":\"" + keyLabel + "\",\"validity\":365,"
                + "\"standardCertificateAttributes\":{\"commonName\":\"Fuzz CA\"},\"keyUsage\":[\"KEY_CERT_SIGN\",\"DIGITAL_SIGNATURE\"],"
                + "\"extendedKeyUsage\":[],\"basicConstraints\":{\"certificateAuthority\":true,\"pathLenConstraint\":0}}}";
    }

    /** One valid request per operation. */
    public List<Template> templates() throws Exception {
        List<Template> all = new ArrayList<>();
        String provision = ProvisionCommands.provision().build().toString();
        all.add(t("submit provision", "POST", "/hermod/rest/command/provision", null, apiClient(), provision));
        all.add(t("submit ping", "POST", "/hermod/rest/command/ping", null, apiClient(),
                "{\"commandHeader\":{\"to\":[\"@fuzz-user\"],\"lifespan\":300,\"timeout\":300},\"pingCommand\":{\"deviceinfo\":true,\"profileinfo\":true}}"));
        all.add(t("submit sign", "POST", "/hermod/rest/command/sign", null, apiClient(),
                "{\"commandHeader\":{\"to\":[\"" + UUID.randomUUID() + "\"],\"lifespan\":300,\"timeout\":300,\"externalId\":\"fuzz-sign\"},"
                        + "\"signCommand\":{\"params\":{\"description\":[\"Sign\"],\"format\":\"jws\",\"mechanism\":\"RS256\",\"tbs\":[{\"key\":\"doc\","
                        + "\"data\":\"aGVsbG8=\",\"content_type\":\"text/plain\",\"content_encoding\":\"base64\",\"visible\":true}]}}}"));
        all.add(t("read command", "GET", "/hermod/rest/command/" + commandId, "wait=0", apiClient(), null));
        all.add(t("find by externalId", "GET", "/hermod/rest/command", "externalId=fuzz-sign", apiClient(), null));
        all.add(t("command qr", "GET", "/hermod/rest/command/" + commandId + "/qr", "destination=0&format=svg", apiClient(), null));
        all.add(t("cancel command", "DELETE", "/hermod/rest/command/" + UUID.randomUUID(), null, apiClient(), null));
        all.add(t("mailbox list", "GET", "/hermod/rest/ms/" + bid, "wait=0", bearer(), null));
        all.add(t("mailbox fetch", "GET", "/hermod/rest/ms/" + bid + "/" + mid, null, bearer(), null));
        all.add(t("mailbox answer", "POST", "/hermod/rest/ms/" + bid + "/" + mid, null, bearer(),
                "{\"provResponse\":{\"code\":0,\"result\":{\"contenttype\":\"jws\",\"data\":\"eyJhbGciOiJSUzI1NiJ9.e30.AAAA\"}}}"));
        all.add(t("admin put client", "PUT", "/hermod/rest/admin/clients/fuzz-other-" + run, null, admin(),
                "{\"key\":\"another-long-fuzz-key-0123\",\"callbackUrl\":\"http://127.0.0.1:9/rest\",\"callbackBasicAuth\":\"u:p\",\"attestationKeys\":[]}"));
        all.add(t("admin list clients", "GET", "/hermod/rest/admin/clients", null, admin(), null));
        // Another client than the one the messaging templates use: a method mutated to DELETE would remove it.
        all.add(t("admin get client", "GET", "/hermod/rest/admin/clients/fuzz-other-" + run, null, admin(), null));
        all.add(t("admin delete client", "DELETE", "/hermod/rest/admin/clients/fuzz-gone-" + run, null, admin(), null));
        all.add(t("admin enrollment", "PUT", "/hermod/rest/admin/clients/" + clientId + "/enrollment", null, admin(),
                "{\"caKey\":\"" + keyLabel + "\",\"validity\":365,\"keyUsage\":[\"DIGITAL_SIGNATURE\"],\"extendedKeyUsage\":[\"CLIENT_AUTH\"],\"lifespan\":3600,\"timeout\":3600}"));
        all.add(t("admin commands", "GET", "/hermod/rest/admin/commands", "state=IN_PROGRESS&type=PROV&limit=5", admin(), null));
        all.add(t("admin audit", "GET", "/hermod/rest/admin/audit", "subjectType=api-client&subjectId=" + clientId + "&limit=5", admin(), null));
        all.add(t("admin audit verify", "GET", "/hermod/rest/admin/audit/verify", null, admin(), null));
        all.add(t("admin uem otp", "POST", "/hermod/rest/admin/uem/users/fuzz-user/otp", null, admin(), "{\"validitySeconds\":600}"));
        all.add(t("key create", "POST", "/hermod/rest/v1/key", null, admin(),
                "{\"label\":\"fuzz-k-" + run + "\",\"algorithm\":\"EC\",\"curveOid\":\"1.2.840.10045.3.1.7\",\"attributes\":{\"decrypt\":false,"
                        + "\"sign\":true,\"unwrap\":false,\"derive\":false,\"bip32\":false,\"extractable\":false,\"modifiable\":true,\"destroyable\":true},"
                        + "\"policy\":{\"ruleUse\":null,\"ruleBlock\":null,\"ruleUnblock\":null,\"ruleModify\":null,\"keyStatus\":{\"blocked\":false}}}"));
        all.add(t("key read", "GET", "/hermod/rest/v1/key/" + keyLabel, null, admin(), null));
        all.add(t("key list", "GET", "/hermod/rest/v1/key", null, admin(), null));
        all.add(t("key delete", "DELETE", "/hermod/rest/v1/key/fuzz-none-" + run, null, admin(), null));
        all.add(t("csr", "POST", "/hermod/rest/v1/certificate/request", null, admin(),
                "{\"csrSignRequest\":{\"signKeyName\":\"" + keyLabel + "\",\"keyPassword\":null,\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\",\"validity\":365,"
                        + "\"standardCertificateAttributes\":{\"commonName\":\"fuzz\"},\"keyUsage\":[\"DIGITAL_SIGNATURE\"],\"extendedKeyUsage\":[\"CLIENT_AUTH\"]}}"));
        all.add(t("certificate sign", "POST", "/hermod/rest/v1/certificate/sign", null, admin(),
                "{\"signCertificateRequest\":{\"signKeyName\":\"" + keyLabel + "\",\"csr\":\"" + csrPem + "\",\"validity\":30,"
                        + "\"keyUsage\":[\"DIGITAL_SIGNATURE\"],\"extendedKeyUsage\":[\"CLIENT_AUTH\"],\"basicConstraints\":{\"certificateAuthority\":false}}}"));
        all.add(t("certificate selfsign", "POST", "/hermod/rest/v1/certificate/selfsign", null, admin(), selfSign()));
        String timestamp = Instant.now().toString();
        all.add(t("approval tasks", "POST", "/hermod/rest/v1/filteredApprovalTask", null, List.of(),
                "{\"timestamp\":\"" + timestamp + "\",\"timestampSignature\":\"" + sign(timestamp) + "\",\"approverPublicKey\":\"" + approverKey() + "\"}"));
        String decision = "{\"id\":\"" + UUID.randomUUID() + "\",\"approvalToBeSigned\":\"dGFzaw==\",\"signature\":\"" + sign("task")
                + "\",\"approverPublicKey\":\"" + approverKey() + "\"}";
        all.add(t("approval", "POST", "/hermod/rest/v1/approval", null, List.of(), decision));
        all.add(t("rejection", "POST", "/hermod/rest/v1/rejection", null, List.of(), decision));
        all.add(t("request status", "GET", "/hermod/rest/v1/request/" + UUID.randomUUID(), null, admin(), null));
        all.add(t("request cancel", "DELETE", "/hermod/rest/v1/request/" + UUID.randomUUID(), null, admin(), null));
        all.addAll(tsbTemplates());
        all.add(new Template("uem key pair", "POST", uemPrefix + "/pki", "operation=getUserKeyPair", uemAuth(),
                "{\"mType\":\"initialCert\",\"user\":\"fuzz-user\",\"authToken\":\"ABCDEFGHJK\",\"reqId\":\"fuzz-req\"}", true));
        all.add(new Template("uem info", "GET", uemPrefix + "/pki", "operation=getInfo", uemAuth(), null, true));
        all.add(t("health", "GET", "/hermod/rest/health", null, List.of(), null));
        return all;
    }

    /** The TSB operations: key attributes, sign, verify, ciphers, wraps, block, modify, a key's certificate, task filters, admin mappings. */
    private List<Template> tsbTemplates() throws Exception {
        List<Template> all = new ArrayList<>();
        String v1 = "/hermod/rest/v1/";
        all.add(t("key attributes", "POST", v1 + "key/attributes", null, tsbKey(), "{\"label\":\"" + keyLabel + "\"}"));
        all.add(t("key attributes by path", "GET", v1 + "key/" + keyLabel + "/attributes", null, tsbKey(), null));
        all.add(t("key attributes tightened", "PUT", v1 + "key/" + modifyLabel + "/attributes", null, admin(),
                "{\"attributes\":{\"sign\":true,\"modifiable\":true,\"destroyable\":true,\"extractable\":false}}"));
        all.add(t("key delete by body", "POST", v1 + "key/deleteKey", null, tsbKey(), "{\"label\":\"fuzz-none-" + run + "\"}"));
        all.add(t("synchronous sign", "POST", v1 + "synchronousSign", null, tsbKey(), signBody()));
        all.add(t("sign later", "POST", v1 + "sign", null, tsbKey(), signBody()));
        all.add(t("verify", "POST", v1 + "verify", null, tsbKey(), "{\"verifySignatureRequest\":{\"payload\":\"aGVsbG8=\",\"signKeyName\":\""
                + keyLabel + "\",\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\",\"signatureType\":\"DER\",\"signature\":\"" + signature + "\"}}"));
        all.add(t("encrypt", "POST", v1 + "encrypt", null, tsbKey(), encryptBody()));
        String decrypt = "{\"decryptRequest\":{\"encryptedPayload\":\"" + encryptedPayload + "\",\"decryptKeyName\":\"" + aesLabel
                + "\",\"cipherAlgorithm\":\"AES_ECB\",\"initializationVector\":null,\"additionalAuthenticationData\":null}}";
        all.add(t("synchronous decrypt", "POST", v1 + "synchronousDecrypt", null, tsbKey(), decrypt));
        all.add(t("decrypt later", "POST", v1 + "decrypt", null, tsbKey(), decrypt));
        all.add(t("wrap", "POST", v1 + "wrap", null, tsbKey(), "{\"wrapKeyRequest\":{\"keyToBeWrapped\":\"" + aesLabel
                + "\",\"wrapKeyName\":\"" + aesLabel + "\",\"wrapMethod\":\"AES_WRAP_PAD\"}}"));
        String unwrap = "{\"unwrapKeyRequest\":{\"wrappedKey\":\"" + wrappedKey + "\",\"label\":\"fuzz-unwrapped-" + run
                + "\",\"unwrapKeyName\":\"" + aesLabel + "\",\"wrapMethod\":\"AES_WRAP\",\"attributes\":{\"decrypt\":true,"
                + "\"extractable\":false,\"destroyable\":true},\"policy\":null}}";
        all.add(t("synchronous unwrap", "POST", v1 + "synchronousUnwrap", null, tsbKey(), unwrap));
        all.add(t("unwrap later", "POST", v1 + "unwrap", null, tsbKey(), unwrap.replace("fuzz-unwrapped-", "fuzz-unwrapped-later-")));
        all.add(t("synchronous block", "POST", v1 + "synchronousBlock", null, tsbKey(), "{\"blockRequest\":{\"blockKeyName\":\"" + blockLabel + "\"}}"));
        all.add(t("block later", "POST", v1 + "block", null, tsbKey(), "{\"blockRequest\":{\"blockKeyName\":\"" + blockLabel + "\"}}"));
        all.add(t("synchronous unblock", "POST", v1 + "synchronousUnblock", null, tsbKey(),
                "{\"unblockRequest\":{\"unblockKeyName\":\"" + blockLabel + "\"}}"));
        all.add(t("unblock later", "POST", v1 + "unblock", null, tsbKey(), "{\"unblockRequest\":{\"unblockKeyName\":\"" + blockLabel + "\"}}"));
        String policy = "{\"ruleUse\":{\"tokens\":[{\"name\":\"t\",\"timelock\":0,\"timeout\":600,\"groups\":[{\"name\":\"g\",\"quorum\":1,"
                + "\"approvals\":[{\"type\":\"public_key\",\"name\":\"a\",\"value\":\"" + approverKey() + "\"}]}]}]},"
                + "\"ruleBlock\":null,\"ruleUnblock\":null,\"ruleModify\":null,\"keyStatus\":{\"blocked\":false}}";
        all.add(t("synchronous modify", "POST", v1 + "synchronousModify", null, tsbKey(),
                "{\"modifyRequest\":{\"modifyKeyName\":\"" + modifyLabel + "\",\"policy\":" + policy + "}}"));
        all.add(t("modify later", "POST", v1 + "modify", null, tsbKey(),
                "{\"modifyRequest\":{\"modifyKeyName\":\"" + modifyLabel + "\",\"policy\":" + policy + "}}"));
        all.add(t("key certificate", "GET", v1 + "certificate/" + certLabel, null, tsbKey(), null));
        all.add(t("key certificate delete", "DELETE", v1 + "certificate/" + certLabel, null, tsbKey(), null));
        all.add(t("key certificate import", "POST", v1 + "certificate/import/plain", null, tsbKey(),
                Json.createObjectBuilder().add("label", certLabel).add("certificate", certificatePem).build().toString()));
        all.add(t("synchronous csr", "POST", v1 + "certificate/synchronous/request", null, tsbKey(), "{\"signKeyName\":\"" + keyLabel
                + "\",\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\",\"commonName\":\"fuzz\",\"keyUsage\":[\"DIGITAL_SIGNATURE\"]}"));
        all.add(t("synchronous certificate", "POST", v1 + "certificate/synchronous/sign", null, tsbKey(), "{\"signKeyName\":\"" + keyLabel
                + "\",\"csr\":\"" + csrPem + "\",\"validity\":30,\"keyUsage\":[\"DIGITAL_SIGNATURE\"],\"certificateAuthority\":false}"));
        all.add(t("random", "GET", v1 + "generateRandom/32", null, tsbKey(), null));
        all.add(t("key store statistics", "GET", v1 + "keystore/statistics", null, admin(), null));
        for (String kind : List.of("All", "Sign", "Decrypt", "UnwrapKey", "BlockKey", "UnblockKey", "ModifyKey")) {
            String timestamp = Instant.now().toString();
            all.add(t("filtered " + kind + " tasks", "POST", v1 + "filtered" + kind + "ApprovalTask", null, List.of(),
                    "{\"timestamp\":\"" + timestamp + "\",\"timestampSignature\":\"" + sign(timestamp) + "\",\"approverPublicKey\":\""
                            + approverKey() + "\",\"timestampDigestAlgorithm\":\"SHA-256\",\"detailLevel\":\"level2\",\"requestId\":null,"
                            + "\"paging\":{\"pageNumber\":0,\"pageSize\":10,\"sortOrder\":\"CREATION_DATE_DESC\"}}"));
        }
        all.add(t("request read by approver", "GET", v1 + "request/" + UUID.randomUUID(), null, approverHeaders(), null));
        String admin = "/hermod/rest/admin/";
        all.add(t("admin put tsb key", "PUT", admin + "tsb-keys/fuzz-key-" + run, null, admin(), "{\"roles\":[\"SERVICE\",\"APPROVER\"]}"));
        all.add(t("admin get tsb key", "GET", admin + "tsb-keys/fuzz-operation-" + run, null, admin(), null));
        all.add(t("admin list tsb keys", "GET", admin + "tsb-keys", null, admin(), null));
        all.add(t("admin delete tsb key", "DELETE", admin + "tsb-keys/fuzz-gone-" + run, null, admin(), null));
        all.add(t("admin put tsb certificate", "PUT", admin + "tsb-certificates/fuzz-" + run, null, admin(),
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("KEY_OPERATION"))
                        .add("certificate", clientCertificatePem).build().toString()));
        all.add(t("admin get tsb certificate", "GET", admin + "tsb-certificates/fuzz-" + run, null, admin(), null));
        all.add(t("admin list tsb certificates", "GET", admin + "tsb-certificates", null, admin(), null));
        all.add(t("admin delete tsb certificate", "DELETE", admin + "tsb-certificates/fuzz-gone-" + run, null, admin(), null));
        return all;
    }

    private List<String[]> tsbKey() {
        return List.<String[]>of(new String[] {"X-API-KEY", tsbToken});
    }

    private List<String[]> approverHeaders() throws Exception {
        String timestamp = Instant.now().toString();
        return List.<String[]>of(new String[] {"X-Approver-Public-Key", approverKey()}, new String[] {"X-Approver-Timestamp", timestamp},
                new String[] {"X-Approver-Timestamp-Signature", sign(timestamp)});
    }

    private static Template t(String name, String method, String path, String query, List<String[]> auth, String body) {
        return new Template(name, method, path, query, auth, body, false);
    }

    private List<String[]> apiClient() {
        return List.<String[]>of(new String[] {"X-Api-Key", Base64.getEncoder().encodeToString((clientId + ":" + apiKey).getBytes(StandardCharsets.UTF_8))});
    }

    private List<String[]> bearer() {
        return List.<String[]>of(new String[] {"Authorization", "Bearer " + boxToken});
    }

    private List<String[]> admin() {
        return List.<String[]>of(new String[] {"Authorization", admin});
    }

    private List<String[]> uemAuth() {
        return List.<String[]>of(new String[] {"Authorization", uem});
    }

    private String approverKey() {
        return Base64.getEncoder().encodeToString(approver.getPublic().getEncoded());
    }

    private String sign(String text) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(approver.getPrivate());
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    private RawHttp.Response send(String method, String path, List<String[]> auth, String body) {
        List<String[]> headers = new ArrayList<>(auth);
        headers.add(new String[] {"Content-Type", "application/json"});
        headers.add(new String[] {"Accept", "application/json"});
        return http.send(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static RawHttp.Response expect(int status, RawHttp.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("Fixture step '" + what + "' answered " + response.status() + ": " + response.text());
        }
        return response;
    }

    private static JsonObject json(RawHttp.Response response) {
        return Json.createReader(new StringReader(response.text())).readObject();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
