package org.ratatosk.uem.boundary;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/** A CA key made in the test server's HSM through the key API, with its self-signed certificate. */
public record TestCaKey(String label, X509Certificate certificate) {

    public static TestCaKey create() {
        return create(Server.HTTP, Server.baseUrl(), Uem.ADMIN, "uem-test-ca-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A new RSA-2048 CA key {@code label} with no approval rules, and its self-signed certificate. */
    public static TestCaKey create(HttpClient http, String baseUrl, String adminAuthorization, String label) {
        var noApproval = Json.createObjectBuilder().add("tokens", Json.createArrayBuilder());
        String key = Json.createObjectBuilder()
                .add("label", label)
                .add("algorithm", "RSA")
                .add("keySize", 2048)
                .add("attributes", Json.createObjectBuilder().add("decrypt", false).add("sign", true).add("unwrap", false)
                        .add("derive", false).add("bip32", false).add("extractable", false).add("modifiable", true)
                        .add("destroyable", true))
                .add("policy", Json.createObjectBuilder().add("ruleUse", noApproval).add("ruleBlock", noApproval)
                        .add("ruleUnblock", noApproval).add("ruleModify", noApproval)
                        .add("keyStatus", Json.createObjectBuilder().add("blocked", false)))
                .build().toString();
        post(http, baseUrl + "/hermod/rest/v1/key", adminAuthorization, key).expectOk("create CA key");
        String selfSign = Json.createObjectBuilder().add("selfSignCertificateRequest", Json.createObjectBuilder()
                        .add("signKeyName", label)
                        .add("validity", 3650)
                        .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", "Ratatosk UEM Test CA " + label))
                        .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN").add("CRL_SIGN"))
                        .add("extendedKeyUsage", Json.createArrayBuilder())
                        .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true).add("pathLenConstraint", 0)))
                .build().toString();
        String pem = post(http, baseUrl + "/hermod/rest/v1/certificate/selfsign", adminAuthorization, selfSign)
                .expectOk("self-sign CA").string("certificate");
        return new TestCaKey(label, parse(pem));
    }

    static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException("Not a PEM certificate: " + pem, e);
        }
    }

    /** Whether the key API knows {@code label}. */
    public static boolean exists(HttpClient http, String baseUrl, String adminAuthorization, String label) {
        return Reply.send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/hermod/rest/v1/key/" + label))
                .header("Authorization", adminAuthorization).timeout(Duration.ofSeconds(30)).GET().build()).ok();
    }

    private static Reply post(HttpClient http, String url, String adminAuthorization, String body) {
        return Reply.send(http, HttpRequest.newBuilder(URI.create(url)).header("Authorization", adminAuthorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
