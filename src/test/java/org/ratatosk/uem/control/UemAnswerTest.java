package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UemAnswerTest {

    @Test
    void failureHasTheSeedShape() {
        JsonObject json = UemAnswer.failure("12487", FailureInfo.AUTH_FAILURE).toJson();
        assertEquals("{\"status\":\"failure\",\"reqId\":\"12487\",\"failureInfo\":\"authFailure\"}", json.toString());
    }

    @Test
    void successCarriesPayloadAndBase64Password() {
        JsonObject json = UemAnswer.success("12487", new byte[] {1, 2, 3}, "56ht12d0").toJson();
        assertEquals("success", json.getString("status"));
        assertEquals("12487", json.getString("reqId"));
        assertEquals("pkcs12", json.getString("payloadType"));
        assertEquals("AQID", json.getString("payload"));
        // the seed's example: the password 56ht12d0 travels as NTZodDEyZDA=
        assertEquals("NTZodDEyZDA=", json.getString("decryptionPassword"));
        assertEquals("56ht12d0", new String(Base64.getDecoder().decode(json.getString("decryptionPassword")), StandardCharsets.UTF_8));
        assertFalse(json.containsKey("failureInfo"));
    }

    @Test
    void passwordIsOmittedWhenTheOtpEncrypts() {
        JsonObject json = UemAnswer.success("9", new byte[] {1}, null).toJson();
        assertFalse(json.containsKey("decryptionPassword"));
        assertEquals("AQ==", json.getString("payload"));
    }

    @Test
    void missingReqIdIsEchoedEmpty() {
        assertEquals("", UemAnswer.failure(null, FailureInfo.BAD_REQUEST).toJson().getString("reqId"));
    }
}
