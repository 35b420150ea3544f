package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/**
 * Well-formed requests whose cryptographic parameters do not fit together: additional data for
 * a mode that cannot authenticate it, a GCM ciphertext shorter than its tag, a raw digest longer
 * than the key's primitive takes. Each is the client's mistake and answered with a 400 that says
 * which, where the token's own refusal used to surface as a 500.
 */
@ExtendWith(ArquillianExtension.class)
class KeyOperationFaultsIT {

    static final String AES = "faults-aes";
    static final String RSA = "faults-rsa";
    static final String EC = "faults-ec";

    static String operation;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void keys() {
        TestTokens.assumeSoftHsm();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String management = TsbIT.apiKey("it-faults-management-" + suffix, "KEY_MANAGEMENT");
        operation = TsbIT.apiKey("it-faults-operation-" + suffix, "KEY_OPERATION");
        for (String[] key : new String[][] {{AES, "AES", "256", null}, {RSA, "RSA", "2048", null},
                {EC, "EC", null, "1.2.840.10045.3.1.7"}}) {
            TsbIT.call(management, "POST", "key/deleteKey", Json.createObjectBuilder().add("label", key[0]).build());
            Reply created = TsbIT.call(management, "POST", "key",
                    TsbIT.tsbKey(key[0], key[1], key[2] == null ? null : Integer.valueOf(key[2]), key[3]));
            assertEquals(200, created.status(), created.toString());
        }
    }

    record Case(String path, String body, String code, String message) {
        @Override
        public String toString() {
            return path + " " + body;
        }
    }

    static String bytes(int length) {
        return Base64.getEncoder().encodeToString(new byte[length]);
    }

    static Stream<Case> faults() {
        String iv16 = bytes(16);
        return Stream.of(
                new Case("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"" + iv16 + "\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_CBC_NO_PADDING\",\"initializationVector\":\"" + iv16
                        + "\",\"additionalAuthenticationData\":\"AQID\"}}", "INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_CBC_NO_PADDING"),
                new Case("encrypt", "{\"encryptRequest\":{\"payload\":\"" + iv16 + "\",\"encryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_ECB\",\"additionalAuthenticationData\":\"AQID\"}}", "INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_ECB"),
                new Case("encrypt", "{\"encryptRequest\":{\"payload\":\"" + iv16 + "\",\"encryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_CTR\",\"additionalAuthenticationData\":\"AQID\"}}", "INVALID_FIELD",
                        "'additionalAuthenticationData' is only authenticated by AES_GCM, not by AES_CTR"),
                new Case("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"AA==\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_GCM\",\"initializationVector\":\"" + bytes(12) + "\",\"tagLength\":128}}",
                        "DECRYPTION_FAILED", "The data cannot be decrypted with key '" + AES + "': it is shorter than its 128-bit authentication tag"),
                new Case("synchronousDecrypt", "{\"decryptRequest\":{\"encryptedPayload\":\"" + bytes(11) + "\",\"decryptKeyName\":\"" + AES
                        + "\",\"cipherAlgorithm\":\"AES_GCM\",\"initializationVector\":\"" + bytes(12) + "\",\"tagLength\":96}}",
                        "DECRYPTION_FAILED", "The data cannot be decrypted with key '" + AES + "': it is shorter than its 96-bit authentication tag"),
                new Case("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(300) + "\",\"payloadType\":\"UNSPECIFIED\",\"signKeyName\":\""
                        + RSA + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}", "INVALID_PAYLOAD",
                        "The payload of NONE_WITH_RSA is too long for this key: at most 245 bytes"),
                new Case("sign", "{\"signRequest\":{\"payload\":\"" + bytes(246) + "\",\"signKeyName\":\""
                        + RSA + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}", "INVALID_PAYLOAD",
                        "The payload of NONE_WITH_RSA is too long for this key: at most 245 bytes"),
                new Case("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(65) + "\",\"signKeyName\":\""
                        + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\"}}", "INVALID_PAYLOAD",
                        "The payload of NONE_WITH_ECDSA is too long for this key: at most 64 bytes"),
                new Case("verify", "{\"verifySignatureRequest\":{\"payload\":\"" + bytes(65) + "\",\"signKeyName\":\""
                        + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\",\"signature\":\"MEUCIQ==\"}}", "INVALID_PAYLOAD",
                        "The payload of NONE_WITH_ECDSA is too long for this key: at most 64 bytes"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void isTheClientsMistake(Case c) {
        Reply reply = post(c.path(), c.body());
        assertEquals("400 {\"code\":\"" + c.code() + "\",\"message\":\"" + c.message() + "\",\"details\":{},\"errorCode\":400,"
                + "\"reason\":\"res.error." + c.code().toLowerCase(java.util.Locale.ROOT).replace('_', '.') + "\"}",
                reply.status() + " " + reply.raw());
    }

    /** At the limits the same operations still work. */
    @Test
    void theLongestRawDigestsAreSigned() {
        assertEquals(200, post("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(245) + "\",\"signKeyName\":\""
                + RSA + "\",\"signatureAlgorithm\":\"NONE_WITH_RSA\"}}").status());
        assertEquals(200, post("synchronousSign", "{\"signRequest\":{\"payload\":\"" + bytes(64) + "\",\"signKeyName\":\""
                + EC + "\",\"signatureAlgorithm\":\"NONE_WITH_ECDSA\"}}").status());
    }

    /** A provider's refusal is told without the Java class names of the exceptions that carried it. */
    @Test
    void anUnwrapOfGarbageSaysWhyWithoutJavaNames() {
        Reply reply = post("synchronousUnwrap", "{\"unwrapKeyRequest\":{\"wrappedKey\":\"h+rO8/++N9O+oU7DeDdhTtJ773mtssqo\","
                + "\"label\":\"faults-unwrapped-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"unwrapKeyName\":\"" + AES
                + "\",\"wrapMethod\":\"AES_WRAP\",\"attributes\":{\"decrypt\":true,\"destroyable\":true}}}");
        assertEquals(400, reply.status(), reply.raw());
        assertEquals("UNWRAP_FAILED", reply.string("code"), reply.raw());
        assertFalse(reply.string("message").matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*Exception.*"), reply.raw());
    }

    static Reply post(String path, String body) {
        return Server.send(Server.request("/hermod/rest/v1/" + path).header("Content-Type", "application/json")
                .header("X-API-KEY", operation).method("POST", HttpRequest.BodyPublishers.ofString(body)));
    }
}
