package org.ratatosk.clients.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

class ClientRegistrationTest {

    static final String KEY = "0123456789abcdef";

    static ClientRegistration bind(String body, Class<?>... groups) {
        return Bodies.bind(JsonBodies.parseObject(body), ClientRegistration.class, groups);
    }

    static void assertRefused(ErrorCode code, String message, String body, Class<?>... groups) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> bind(body, groups), body);
        assertEquals(code, e.code(), body);
        assertEquals(message, e.getMessage(), body);
    }

    @Test
    void aFullRegistrationIsRead() {
        ClientRegistration r = bind("{\"key\":\"" + KEY + "\",\"callbackUrl\":\"https://cb\",\"callbackBasicAuth\":\"u:p\","
                + "\"attestationKeys\":[{\"kty\":\"EC\"}]}", ClientRegistration.New.class);
        assertEquals(KEY, r.key());
        assertEquals("https://cb", r.callbackUrl());
        assertEquals("u:p", r.callbackBasicAuth());
        assertEquals("[{\"kty\":\"EC\"}]", r.attestationKeys().toString());
    }

    @Test
    void aNewClientNeedsAKeyAnEditDoesNot() {
        assertRefused(ErrorCode.INVALID_FIELD, "'key' is required", "{}", ClientRegistration.New.class);
        assertRefused(ErrorCode.INVALID_FIELD, "'key' is required", "{\"key\":null}", ClientRegistration.New.class);
        assertRefused(ErrorCode.INVALID_FIELD, "'key' is required", "{\"key\":\"\"}", ClientRegistration.New.class);
        assertNull(bind("{}").key());
        assertRefused(ErrorCode.INVALID_FIELD, "key must have at least 16 characters", "{\"key\":\"\"}");
        assertRefused(ErrorCode.INVALID_FIELD, "key must have at least 16 characters", "{\"key\":\"short\"}",
                ClientRegistration.New.class);
        assertRefused(ErrorCode.WRONG_TYPE, "'key' must be a string", "{\"key\":1234567890123456789}",
                ClientRegistration.New.class);
    }

    @Test
    void callbackUrlAndCredentialsKeepTheirRules() {
        String url = "callbackUrl must be an http or https URL of at most 2048 characters";
        assertRefused(ErrorCode.INVALID_FIELD, url, "{\"callbackUrl\":\"ftp://x\"}");
        assertRefused(ErrorCode.INVALID_FIELD, url, "{\"callbackUrl\":\"\"}");
        assertRefused(ErrorCode.INVALID_FIELD, url, "{\"callbackUrl\":\"http://" + "a".repeat(2042) + "\"}");
        assertEquals(2048, bind("{\"callbackUrl\":\"http://" + "a".repeat(2041) + "\"}").callbackUrl().length());
        assertRefused(ErrorCode.WRONG_TYPE, "'callbackUrl' must be a string", "{\"callbackUrl\":5}");
        String auth = "callbackBasicAuth must be user:password, at most 256 characters";
        assertRefused(ErrorCode.INVALID_FIELD, auth, "{\"callbackBasicAuth\":\"nopassword\"}");
        assertRefused(ErrorCode.INVALID_FIELD, auth, "{\"callbackBasicAuth\":\"u:" + "p".repeat(255) + "\"}");
        assertEquals("u\n:p", bind("{\"callbackBasicAuth\":\"u\\n:p\"}").callbackBasicAuth());
        assertRefused(ErrorCode.WRONG_TYPE, "'attestationKeys' must be an array", "{\"attestationKeys\":{}}");
    }

    @Test
    void theFirstFaultInTheOrderOfTheOldChecksIsAnswered() {
        assertRefused(ErrorCode.INVALID_FIELD, "'key' is required", "{\"callbackUrl\":5}", ClientRegistration.New.class);
        assertRefused(ErrorCode.INVALID_FIELD, "key must have at least 16 characters",
                "{\"key\":\"short\",\"callbackUrl\":\"x\",\"attestationKeys\":1}");
        assertRefused(ErrorCode.WRONG_TYPE, "'callbackUrl' must be a string", "{\"callbackUrl\":5,\"callbackBasicAuth\":\"x\"}");
        assertRefused(ErrorCode.INVALID_FIELD, "callbackBasicAuth must be user:password, at most 256 characters",
                "{\"callbackBasicAuth\":\"x\",\"attestationKeys\":1}");
    }
}
