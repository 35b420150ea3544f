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
        return this;
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
        all.add(t("admin get client", "GET", "/hermod/rest/admin/clients/" + clientId, null, admin(), null));
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
        all.add(new Template("uem key pair", "POST", uemPrefix + "/pki", "operation=getUserKeyPair", uemAuth(),
                "{\"mType\":\"initialCert\",\"user\":\"fuzz-user\",\"authToken\":\"ABCDEFGHJK\",\"reqId\":\"fuzz-req\"}", true));
        all.add(new Template("uem info", "GET", uemPrefix + "/pki", "operation=getInfo", uemAuth(), null, true));
        all.add(t("health", "GET", "/hermod/rest/health", null, List.of(), null));
        return all;
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
