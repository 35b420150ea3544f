package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/**
 * The error bodies of the bodies read as records, byte for byte as the hand-written readers
 * answered them, on whichever server's JSON-B and Bean Validation run them.
 */
@ExtendWith(ArquillianExtension.class)
class BodyAnswersIT {

    static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String KEY = "0123456789abcdef";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    static Reply put(String path, String body) {
        return Server.send(Server.request(path).header("Authorization", OPERATOR).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply get(String path) {
        return Server.send(Server.request(path).header("Authorization", OPERATOR).GET());
    }

    static void assertAnswer(String code, String message, Reply reply) {
        assertEquals(400, reply.status(), reply.raw());
        assertEquals("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":{}}", reply.raw());
    }

    @Test
    void apiClientRegistrationsAreAnsweredAsBefore() {
        String client = "/hermod/rest/admin/clients/bodies-" + System.nanoTime();
        assertAnswer("INVALID_FIELD", "'key' is required", put(client, "{}"));
        assertAnswer("INVALID_FIELD", "'key' is required", put(client, "{\"key\":\"\",\"callbackUrl\":5}"));
        assertAnswer("WRONG_TYPE", "'key' must be a string", put(client, "{\"key\":1234567890123456789}"));
        assertAnswer("INVALID_FIELD", "key must have at least 16 characters", put(client, "{\"key\":\"short\"}"));
        assertAnswer("INVALID_FIELD", "callbackUrl must be an http or https URL of at most 2048 characters",
                put(client, "{\"key\":\"" + KEY + "\",\"callbackUrl\":\"ftp://x\"}"));
        assertAnswer("WRONG_TYPE", "'callbackUrl' must be a string", put(client, "{\"key\":\"" + KEY + "\",\"callbackUrl\":[]}"));
        assertAnswer("INVALID_FIELD", "callbackBasicAuth must be user:password, at most 256 characters",
                put(client, "{\"key\":\"" + KEY + "\",\"callbackBasicAuth\":\"nopassword\"}"));
        assertAnswer("WRONG_TYPE", "'attestationKeys' must be an array", put(client, "{\"key\":\"" + KEY + "\",\"attestationKeys\":{}}"));
        assertAnswer("DUPLICATE_MEMBER", "The request body has the member 'key' twice in one object",
                put(client, "{\"key\":\"" + KEY + "\",\"key\":\"" + KEY + "\"}"));
        assertEquals(404, get(client).status(), "nothing was written");
    }

    @Test
    void anEditKeepsTheCallbackCredentialsUnlessTheBodyNamesThem() {
        String client = "/hermod/rest/admin/clients/bodies-" + System.nanoTime();
        put(client, "{\"key\":\"" + KEY + "\",\"callbackUrl\":\"http://127.0.0.1:9/cb\",\"callbackBasicAuth\":\"u:p\"}")
                .expectOk("create");
        assertEquals(true, put(client, "{\"callbackUrl\":\"http://127.0.0.1:9/cb\"}").expectOk("edit").body()
                .getBoolean("callbackBasicAuth"), "absent: kept");
        assertEquals(false, put(client, "{\"callbackUrl\":\"http://127.0.0.1:9/cb\",\"callbackBasicAuth\":null}")
                .expectOk("edit").body().getBoolean("callbackBasicAuth"), "null: removed");
        assertAnswer("INVALID_FIELD", "key must have at least 16 characters", put(client, "{\"key\":\"\"}"));
        assertEquals(204, Server.send(Server.request(client).header("Authorization", OPERATOR).DELETE()).status());
    }

    @Test
    void uemSettingsAreAnsweredAsBefore() {
        String settings = "/hermod/rest/admin/uem/settings";
        assertAnswer("INVALID_FIELD", "caKey is required (a key label, or null)", put(settings, "{\"keyAlgorithm\":\"EC_P256\"}"));
        assertAnswer("WRONG_TYPE", "'caKey' must be a string", put(settings, "{\"caKey\":5}"));
        assertAnswer("INVALID_FIELD", "keyAlgorithm must be RSA_2048, RSA_3072 or EC_P256",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"RSA_1024\",\"poolSize\":\"many\"}"));
        assertAnswer("WRONG_TYPE", "'poolSize' must be a whole number",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":\"many\"}"));
        assertAnswer("NUMBER_OUT_OF_RANGE", "'poolSize' is too large",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":99999999999999999999}"));
        assertAnswer("INVALID_FIELD", "poolSize must be 0 to 1000",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1001}"));
        assertAnswer("INVALID_FIELD", "passwordMode must be random or otp",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1,\"passwordMode\":\"x\"}"));
        assertAnswer("INVALID_FIELD", "validityDays is required",
                put(settings, "{\"caKey\":null,\"keyAlgorithm\":\"EC_P256\",\"poolSize\":1,\"passwordMode\":\"otp\"}"));
    }
}
