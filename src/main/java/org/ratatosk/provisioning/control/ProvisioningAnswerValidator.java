package org.ratatosk.provisioning.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.StrictJson;
import org.ratatosk.provisioning.control.ProvisioningRequest.KeyGenRequest;

/**
 * Checks a device's attested provisioning answer against the command it answers: the attestation
 * key is trusted, the nonce matches, the profile is the one assigned, and every requested key is
 * present, of a requested type, and proven by its own signature and re-signed certificate request.
 * Header checks come before the signature so that each failure names its own cause.
 */
public final class ProvisioningAnswerValidator {

    private ProvisioningAnswerValidator() {
    }

    public static ValidatedProvisioning validate(String compactJws, ProvisioningRequest request, String profileId,
                                                 String boxUrl, Predicate<String> trustedThumbprint)
            throws AnswerRejected {
        JsonWebSignature jws = JwsChecks.parse(compactJws, "the attestation");
        JwsChecks.algorithm(jws, "the attestation");
        Object jwkHeader = jws.getHeaders().getObjectHeaderValue("jwk");
        if (!(jwkHeader instanceof Map<?, ?> jwkParams)) {
            throw new AnswerRejected(ErrorCode.ATTESTATION_KEY_MISSING, "The attestation header carries no jwk");
        }
        @SuppressWarnings("unchecked")
        PublicJsonWebKey attestationKey = JwsChecks.publicJwk((Map<String, Object>) jwkParams, "the attestation jwk");
        if (!trustedThumbprint.test(JwsChecks.thumbprint(attestationKey))) {
            throw new AnswerRejected(ErrorCode.ATTESTATION_KEY_UNTRUSTED, "The attestation key is not trusted by this client");
        }
        checkNonce(jws, request.nonce(), "the attestation");
        JwsChecks.verify(compactJws, jws, attestationKey, null, "the attestation");

        JsonObject payload = json(payloadOf(jws), "the attestation payload");
        JsonObject profile = member(payload, "profile", "the attestation payload");
        expectEqual(profile, "userid", request.userId());
        expectEqual(profile, "name", request.name());
        expectEqual(profile, "servername", request.serverName());
        expectEqual(profile, "id", profileId);
        expectEqual(profile, "boxurl", boxUrl);
        JsonValue deviceInfo = payload.get("deviceinfo");

        List<ValidatedProvisioning.Key> keys = signedKeys(profile, request);
        return new ValidatedProvisioning(deviceInfo == null ? null : deviceInfo.toString(), keys);
    }

    private static List<ValidatedProvisioning.Key> signedKeys(JsonObject profile, ProvisioningRequest request)
            throws AnswerRejected {
        JsonValue value = profile.get("signedkeys");
        JsonArray signed = value instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
        Map<String, KeyGenRequest> pending = new HashMap<>();
        request.keyRequests().forEach(r -> pending.put(r.keyId(), r));
        List<ValidatedProvisioning.Key> keys = new ArrayList<>();
        for (JsonValue item : signed) {
            if (!(item instanceof JsonString string)) {
                throw new AnswerRejected(ErrorCode.MALFORMED_JWS, "A signed key is not a compact JWS string");
            }
            keys.add(SignedKeyCheck.check(string.getString(), request.nonce(), pending));
        }
        if (!pending.isEmpty()) {
            throw new AnswerRejected(ErrorCode.MISSING_SIGNED_KEY, "No signed key for keyid " + pending.keySet());
        }
        return keys;
    }

    static void checkNonce(JsonWebSignature jws, String expected, String what) throws AnswerRejected {
        String nonce = jws.getHeaders().getStringHeaderValue("nonce");
        if (!Objects.equals(expected, nonce)) {
            throw new AnswerRejected(ErrorCode.NONCE_MISMATCH, what + " carries nonce '" + nonce + "', not the command's");
        }
    }

    public static String payloadOf(JsonWebSignature jws) throws AnswerRejected {
        try {
            return jws.getUnverifiedPayload();
        } catch (RuntimeException e) {
            throw new AnswerRejected(ErrorCode.MALFORMED_JWS, "The payload is not readable");
        }
    }

    /**
     * A signed payload, read by the same strict rules as a request: a duplicate member would let
     * the signer and this server read different values, so it is refused, never resolved.
     */
    public static JsonObject json(String text, String what) throws AnswerRejected {
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (StrictJson.RefusedJson e) {
            throw switch (e.violation()) {
                case DUPLICATE_MEMBER -> new AnswerRejected(ErrorCode.DUPLICATE_PAYLOAD_MEMBER, what + " " + e.getMessage());
                case TOO_DEEP -> new AnswerRejected(ErrorCode.PAYLOAD_TOO_DEEP, what + " " + e.getMessage());
                default -> new AnswerRejected(ErrorCode.MALFORMED_PAYLOAD, what + " is not a JSON object");
            };
        }
        if (!(value instanceof JsonObject object)) {
            throw new AnswerRejected(ErrorCode.MALFORMED_PAYLOAD, what + " is not a JSON object");
        }
        return object;
    }

    private static JsonObject member(JsonObject parent, String key, String what) throws AnswerRejected {
        JsonValue value = parent.get(key);
        if (!(value instanceof JsonObject object)) {
            throw new AnswerRejected(ErrorCode.MALFORMED_PAYLOAD, what + " has no '" + key + "' object");
        }
        return object;
    }

    private static void expectEqual(JsonObject profile, String key, String expected) throws AnswerRejected {
        if (expected == null) {
            return;
        }
        JsonValue value = profile.get(key);
        String actual = value instanceof JsonString string ? string.getString() : null;
        if (!expected.equals(actual)) {
            throw new AnswerRejected(ErrorCode.PROFILE_MISMATCH, "profile." + key + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    /** The public JWK of a verified key as stored with the profile. */
    static String publicJson(PublicJsonWebKey key, String keyId) {
        try {
            PublicJsonWebKey copy = (PublicJsonWebKey) JsonWebKey.Factory.newJwk(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            copy.setKeyId(keyId);
            return copy.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
