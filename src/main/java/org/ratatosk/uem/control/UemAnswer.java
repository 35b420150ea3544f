package org.ratatosk.uem.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ratatosk.platform.Jsons;

/**
 * An answer to {@code getUserKeyPair} in the seed's shape. Failures are answers too (HTTP 200),
 * because UEM reads {@code failureInfo} from the body.
 */
public record UemAnswer(String reqId, FailureInfo failure, String payload, String decryptionPassword) {

    public static UemAnswer failure(String reqId, FailureInfo failure) {
        return new UemAnswer(reqId, failure, null, null);
    }

    /** {@code password} null when the PKCS#12 is encrypted with the one-time password itself. */
    public static UemAnswer success(String reqId, byte[] pkcs12, String password) {
        return new UemAnswer(reqId, null, Base64.getEncoder().encodeToString(pkcs12),
                password == null ? null : Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean succeeded() {
        return failure == null;
    }

    public UemAnswer forRequest(String otherReqId) {
        return new UemAnswer(otherReqId, failure, payload, decryptionPassword);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("status", succeeded() ? "success" : "failure")
                .add("reqId", reqId == null ? "" : reqId);
        if (!succeeded()) {
            return json.add("failureInfo", failure.wireName()).build();
        }
        json.add("payloadType", "pkcs12").add("payload", payload);
        if (decryptionPassword != null) {
            json.add("decryptionPassword", decryptionPassword);
        }
        return json.build();
    }
}
