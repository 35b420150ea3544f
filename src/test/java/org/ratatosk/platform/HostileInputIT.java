package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.fuzz.RawHttp;
import org.ratatosk.fuzz.Verdict;
import org.ratatosk.testsupport.Server;

/** The hostile requests an outside fuzz run found answered with a 500, HTML or nothing, each now with its contract answer. */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String UEM = "Basic " + Base64.getEncoder().encodeToString("uem:test-uem-secret".getBytes(StandardCharsets.UTF_8));
    static final String DEEP = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @ArquillianResource
    URL base;

    final RawHttp http = new RawHttp(Server.baseUrl(), 60_000);

    RawHttp.Response send(String method, String target, String authorization, String contentType, String accept, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add(new String[] {"Authorization", authorization});
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        headers.add(new String[] {"Accept", accept});
        return http.send(method, target, headers, body);
    }

    static void assertError(RawHttp.Response response, int status, String code) {
        assertEquals(status, response.status(), response.text());
        assertTrue(response.header("content-type").startsWith("application/json"), response.header("content-type"));
        JsonObject error = Server.object(response.text());
        assertEquals(code, error.getString("code"), response.text());
        assertTrue(error.containsKey("message") && error.containsKey("details"), response.text());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deepNestingIsRefusedWithItsOwnCodeEverywhereAndAsAFailureInfoByTheUemConnector() {
        for (String path : List.of("/hermod/rest/command/provision", "/hermod/rest/v1/approval",
                "/hermod/rest/v1/filteredApprovalTask", "/hermod/rest/admin/clients/deep")) {
            String method = path.endsWith("deep") ? "PUT" : "POST";
            RawHttp.Response response = send(method, path, OPERATOR, "application/json", "application/json", utf8(DEEP));
            if (path.contains("/command/")) {
                assertEquals(401, response.status(), "the API key comes first");
            } else {
                assertError(response, 400, "JSON_TOO_DEEP");
            }
        }
        RawHttp.Response uem = send("POST", "/hermod/custom/pki?operation=getUserKeyPair", UEM, "application/json",
                "application/json", utf8(DEEP));
        assertEquals(200, uem.status());
        assertEquals("badRequest", Server.object(uem.text()).getString("failureInfo"));
        RawHttp.Response notUtf8 = send("POST", "/hermod/custom/pki?operation=getUserKeyPair", UEM, "application/json",
                "application/json", new byte[] {'{', (byte) 0xC3, '}'});
        assertEquals("badRequest", Server.object(notUtf8.text()).getString("failureInfo"));
    }

    @Test
    void bodiesAreReadStrictly() {
        String client = "/hermod/rest/admin/clients/strict-" + System.nanoTime();
        assertError(send("PUT", client, OPERATOR, "application/json", "application/json",
                utf8("{\"key\":\"0123456789abcdef01\",\"key\":\"other-0123456789abc\"}")), 400, "DUPLICATE_MEMBER");
        assertError(send("POST", "/hermod/rest/admin/uem/users/someone/otp", OPERATOR, "application/json", "application/json",
                utf8("{\"validitySeconds\":" + "9".repeat(5000) + "}")), 400, "NUMBER_OUT_OF_RANGE");
        assertError(send("POST", "/hermod/rest/admin/uem/users/someone/otp", OPERATOR, "application/json", "application/json",
                utf8("{\"validitySeconds\":\"soon\"}")), 400, "WRONG_TYPE");
        assertError(send("PUT", client, OPERATOR, "application/json", "application/json",
                new byte[] {'{', '"', 'k', 'e', 'y', '"', ':', '"', (byte) 0xFF, '"', '}'}), 400, "INVALID_UTF8");
        assertError(send("PUT", client, OPERATOR, "text/plain", "application/json", utf8("{}")), 415, "UNSUPPORTED_MEDIA_TYPE");
        String longUrl = "http://127.0.0.1:9/" + "a".repeat(2030);
        assertError(send("PUT", client, OPERATOR, "application/json", "application/json",
                utf8("{\"key\":\"0123456789abcdef0123\",\"callbackUrl\":\"" + longUrl + "\",\"attestationKeys\":[]}")), 400, "INVALID_FIELD");
        assertEquals(404, send("GET", client, OPERATOR, null, "application/json", null).status(), "nothing was written");
        RawHttp.Response longest = send("PUT", client, OPERATOR, "application/json", "application/json",
                utf8("{\"key\":\"0123456789abcdef0123\",\"callbackUrl\":\"" + longUrl.substring(0, 2048) + "\",\"attestationKeys\":[]}"));
        assertEquals(200, longest.status(), longest.text());
        assertError(send("PUT", client, OPERATOR, "application/json", "application/json",
                utf8("{\"key\":\"0123456789abcdef0123\",\"callbackUrl\":\"" + longUrl + "\",\"attestationKeys\":[]}")), 400, "INVALID_FIELD");
        assertEquals(204, send("DELETE", client, OPERATOR, null, "application/json", null).status());
    }

    @Test
    void approverKeysThatAreNoKeysAreA400() {
        for (String key : List.of(" ", "!!")) {
            for (String path : List.of("filteredApprovalTask", "approval", "rejection")) {
                String body = "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"approvalToBeSigned\":\"AAAA\",\"signature\":\"AAAA\","
                        + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"timestampSignature\":\"AAAA\",\"approverPublicKey\":\"" + key + "\"}";
                RawHttp.Response response = send("POST", "/hermod/rest/v1/" + path, null, "application/json", "application/json", utf8(body));
                assertTrue(response.status() == 400 || response.status() == 404, path + " " + response.text());
                assertTrue(!response.text().contains("Exception"), response.text());
            }
        }
    }

    @Test
    void headersUrlsAndQueryParametersTheRouterCannotReadAreA400() {
        assertError(send("GET", "/hermod/rest/health", null, null, "*/*;q=abc", null), 400, "INVALID_HEADER");
        assertError(send("POST", "/hermod/rest/v1/key", OPERATOR, "application/json;q=abc", "application/json", utf8("{}")),
                400, "INVALID_HEADER");
        if (!Verdict.ON_PAYARA) {
            // Payara's Grizzly hands the application a path in which it has already passed over the bad escape.
            assertError(send("GET", "/hermod/rest/health%zz", null, null, "application/json", null), 400, "INVALID_URL");
        }
        assertError(send("GET", "/hermod/rest/ms/box?wait=%zz", null, null, "application/json", null), 400, "INVALID_URL");
        for (String target : List.of("/hermod/rest/health/[", "/hermod/rest/v1/key/a[b]", "/hermod/rest/admin/clients/]")) {
            RawHttp.Response bracket = send("GET", target, OPERATOR, null, "application/json", null);
            if (Verdict.ON_PAYARA && bracket.header("content-type") == null) {
                // Grizzly refuses a bracket in the path itself, with its empty 400.
                assertEquals(400, bracket.status(), target);
            } else {
                assertError(bracket, 400, "INVALID_URL");
            }
        }
        assertError(send("GET", "/hermod/rest/ms/box?wait=abc", null, null, "application/json", null), 400, "INVALID_FIELD");
        assertError(send("GET", "/hermod/rest/admin/commands?limit=-1", OPERATOR, null, "application/json", null), 400, "INVALID_FIELD");
        assertError(send("GET", "/hermod/rest/admin/commands?limit=99999999999", OPERATOR, null, "application/json", null),
                400, "INVALID_FIELD");
    }

    @Test
    void theContainersOwnErrorsAreTheContractsJson() {
        assertError(send("GET", "/hermod/nothing", null, null, "text/html", null), 404, "NOT_FOUND");
        // Undertow's default servlet answers 405 for a method it does not serve, Payara's 404; both in the contract's JSON.
        for (String method : List.of("POST", "PATCH")) {
            RawHttp.Response refused = send(method, "/hermod/nothing", null, "application/json", "application/json", utf8("{}"));
            assertError(refused, refused.status() == 404 ? 404 : 405, refused.status() == 404 ? "NOT_FOUND" : "METHOD_NOT_ALLOWED");
        }
        assertError(send("GET", "/hermod/rest/health", null, null, "text/html", null), 406, "NOT_ACCEPTABLE");
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        assertError(send("PUT", "/hermod/rest/admin/clients/big", OPERATOR, "application/json", "application/json", tenMegabytes),
                413, "PAYLOAD_TOO_LARGE");
    }

    /** A body of a filtered task call that gets as far as its paging: a real key, and no signature check before it. */
    static String taskQuery(String detailLevel, String paging) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String key = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        return "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"timestampSignature\":\"AAAA\",\"approverPublicKey\":\"" + key + "\""
                + (detailLevel == null ? "" : ",\"detailLevel\":" + detailLevel) + (paging == null ? "" : ",\"paging\":" + paging) + "}";
    }

    @Test
    void pagingAndDetailLevelsOutOfRangeAreA400OnEveryFilteredTaskCall() throws Exception {
        String[][] cases = {
            {null, "{\"pageNumber\":-1,\"pageSize\":10}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":99999999999,\"pageSize\":10}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":9223372036854775808,\"pageSize\":10}", "NUMBER_OUT_OF_RANGE"},
            {null, "{\"pageNumber\":" + "9".repeat(39) + ",\"pageSize\":10}", "NUMBER_OUT_OF_RANGE"},
            {null, "{\"pageNumber\":\"first\",\"pageSize\":10}", "WRONG_TYPE"},
            {null, "{\"pageNumber\":1.5,\"pageSize\":10}", "WRONG_TYPE"},
            {null, "{\"pageNumber\":[0],\"pageSize\":10}", "WRONG_TYPE"},
            {null, "{\"pageNumber\":0,\"pageSize\":0}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":0,\"pageSize\":-10}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":0,\"pageSize\":1001}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":0,\"pageSize\":2147483648}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":0,\"pageSize\":\"ten\"}", "WRONG_TYPE"},
            {null, "{\"pageNumber\":0,\"pageSize\":10,\"sortOrder\":\"LAST_FETCHED_DATE_ASC\"}", "INVALID_FIELD"},
            {null, "{\"pageNumber\":0,\"pageSize\":10,\"sortOrder\":1}", "WRONG_TYPE"},
            {null, "\"first page\"", "INVALID_FIELD"},
            {null, "[0,10]", "INVALID_FIELD"},
            {"\"level6\"", null, "INVALID_FIELD"},
            {"\"level0\"", null, "INVALID_FIELD"},
            {"\"\"", null, "INVALID_FIELD"},
            {"\"LEVEL1\"", null, "INVALID_FIELD"},
            {"5", null, "WRONG_TYPE"},
            {"\"level" + "9".repeat(5000) + "\"", null, "INVALID_FIELD"},
        };
        for (String call : List.of("filteredApprovalTask", "filteredAllApprovalTask", "filteredSignApprovalTask",
                "filteredDecryptApprovalTask", "filteredUnwrapKeyApprovalTask", "filteredBlockKeyApprovalTask",
                "filteredUnblockKeyApprovalTask", "filteredModifyKeyApprovalTask")) {
            for (String[] c : cases) {
                RawHttp.Response response = send("POST", "/hermod/rest/v1/" + call, null, "application/json", "application/json",
                        utf8(taskQuery(c[0], c[1])));
                assertError(response, 400, c[2]);
                assertEquals(400, Server.object(response.text()).getInt("errorCode"), call + " " + response.text());
            }
        }
        RawHttp.Response farPage = send("POST", "/hermod/rest/v1/filteredApprovalTask", null, "application/json", "application/json",
                utf8(taskQuery("\"level5\"", "{\"pageNumber\":2147483,\"pageSize\":1000}")));
        assertError(farPage, 422, "INVALID_SIGNATURE");
    }

    @Test
    void garbageClientCertificateMappingsAreA400AndMapNothing() throws Exception {
        String name = "garbage-" + System.nanoTime();
        String target = "/hermod/rest/admin/tsb-certificates/" + name;
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        java.security.KeyPair pair = generator.generateKeyPair();
        byte[] certificate = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=garbage"),
                java.math.BigInteger.ONE, new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                new org.bouncycastle.asn1.x500.X500Name("CN=garbage"), pair.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        String der = Base64.getEncoder().encodeToString(certificate);
        byte[] csr = new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=garbage"), pair.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        byte[] flipped = certificate.clone();
        flipped[0] = 0x31;
        String roles = "\"roles\":[\"KEY_OPERATION\"]";
        String[][] cases = {
            {"{}", "INVALID_ROLES"},
            {"{\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{\"roles\":\"KEY_OPERATION\",\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{\"roles\":[],\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{\"roles\":[5],\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{\"roles\":[\"ROOT\"],\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{\"roles\":[null],\"certificate\":\"" + der + "\"}", "INVALID_ROLES"},
            {"{" + roles + "}", "INVALID_FIELD"},
            {"{" + roles + ",\"certificate\":\"\"}", "INVALID_FIELD"},
            {"{" + roles + ",\"certificate\":5}", "WRONG_TYPE"},
            {"{" + roles + ",\"certificate\":[\"" + der + "\"]}", "WRONG_TYPE"},
            {"{" + roles + ",\"certificate\":\"not a certificate\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + Base64.getEncoder().encodeToString(utf8("garbage")) + "\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + der.substring(0, der.length() / 2) + "\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + Base64.getEncoder().encodeToString(flipped) + "\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + Base64.getEncoder().encodeToString(csr) + "\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"MAA=\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"MIQAAAAA\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"-----BEGIN CERTIFICATE-----\\n%%%%\\n-----END CERTIFICATE-----\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"-----BEGIN CERTIFICATE-----\\n" + der + "\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"-----BEGIN CERTIFICATE-----\\n" + der + "\\n-----END CERTIFICATE-----\\n"
                    + "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + der + "-----END CERTIFICATE-----\"}", "INVALID_CERTIFICATE"},
            {"{" + roles + ",\"certificate\":\"" + "A".repeat(400_000) + "\"}", "INVALID_CERTIFICATE"},
        };
        for (String[] c : cases) {
            assertError(send("PUT", target, OPERATOR, "application/json", "application/json", utf8(c[0])), 400, c[1]);
        }
        assertError(send("PUT", "/hermod/rest/admin/tsb-certificates/-bad%20name", OPERATOR, "application/json", "application/json",
                utf8("{" + roles + ",\"certificate\":\"" + der + "\"}")), 400, "INVALID_NAME");
        assertError(send("GET", target, OPERATOR, null, "application/json", null), 404, "NOT_FOUND");
        RawHttp.Response mapped = send("PUT", target, OPERATOR, "application/json", "application/json",
                utf8("{" + roles + ",\"certificate\":\"-----BEGIN CERTIFICATE-----\\n" + der + "\\n-----END CERTIFICATE-----\\n\"}"));
        assertEquals(200, mapped.status(), mapped.text());
        assertEquals(204, send("DELETE", target, OPERATOR, null, "application/json", null).status());
    }
}
