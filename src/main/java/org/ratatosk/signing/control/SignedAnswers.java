package org.ratatosk.signing.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.JwsChecks;

/**
 * Verifies a device's answer to a sign or authenticate command against the keys its profile
 * proved to hold at provisioning: a JWS over {@code {"tbs":[...]}} or a CMS SignedData over the
 * one tbs item. Returns the keyid that signed and the signature's fingerprint.
 */
public final class SignedAnswers {

    private SignedAnswers() {
    }

    public static VerifiedSignature verify(SignRequest request, JsonObject response, Map<String, String> jwksByKeyId)
            throws AnswerRejected {
        String data = resultData(response, request.format());
        Map<String, PublicJsonWebKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : jwksByKeyId.entrySet()) {
            if (request.keyId() == null || request.keyId().equals(key.getKey())) {
                keys.put(key.getKey(), publicJwk(key.getValue()));
            }
        }
        if (keys.isEmpty()) {
            throw new AnswerRejected(ErrorCode.UNKNOWN_KEY, "The profile holds no key "
                    + (request.keyId() == null ? "" : "'" + request.keyId() + "' ") + "to verify the answer with");
        }
        return request.format().equals(SignRequest.JWS)
                ? JwsAnswers.verify(data, request, keys)
                : CmsAnswers.verify(data, request, keys);
    }

    /** {@code result.data}, whose {@code contenttype} (when given) must be the requested format. */
    static String resultData(JsonObject response, String format) throws AnswerRejected {
        JsonValue result = response.get("result");
        if (!(result instanceof JsonObject object) || !(object.get("data") instanceof JsonString data)
                || data.getString().isEmpty()) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "The answer has no result.data");
        }
        if (object.get("contenttype") instanceof JsonString type && !sameFormat(type.getString(), format)) {
            throw new AnswerRejected(ErrorCode.WRONG_FORMAT, "result.contenttype is '" + type.getString()
                    + "', but the command asked for " + format);
        }
        if (object.containsKey("contenttype") && !(object.get("contenttype") instanceof JsonString)) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "result.contenttype must be a string");
        }
        return data.getString();
    }

    private static boolean sameFormat(String contentType, String format) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return format.equals(SignRequest.JWS) ? type.equals("jws")
                : type.equals("pkcs7") || type.equals("cms") || type.equals("application/pkcs7-signature");
    }

    private static PublicJsonWebKey publicJwk(String json) throws AnswerRejected {
        try {
            return JwsChecks.publicJwk(JsonUtil.parseJson(json), "The stored profile key");
        } catch (JoseException e) {
            throw new AnswerRejected(ErrorCode.INVALID_KEY, "The stored profile key cannot be read");
        }
    }
}
