package org.ratatosk.provisioning.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.ProvisioningRequest.KeyGenRequest;
import org.ratatosk.provisioning.control.ProvisioningRequest.KeyTypePrio;

/** Proof of possession for one generated key: a JWS over the key's own JWK, signed by that key. */
final class SignedKeyCheck {

    private SignedKeyCheck() {
    }

    /** Checks one signed key and removes its request from pending. */
    static ValidatedProvisioning.Key check(String compact, String nonce, Map<String, KeyGenRequest> pending)
            throws AnswerRejected {
        JsonWebSignature jws = JwsChecks.parse(compact, "a signed key");
        String alg = JwsChecks.algorithm(jws, "a signed key");
        String keyId = jws.getKeyIdHeaderValue();
        KeyGenRequest request = pending.remove(keyId);
        if (request == null) {
            throw new AnswerRejected(ErrorCode.UNKNOWN_KEY_ID, "Signed key '" + keyId + "' was not requested or appears twice");
        }
        ProvisioningAnswerValidator.checkNonce(jws, nonce, "signed key " + keyId);
        JsonObject payload = ProvisioningAnswerValidator.json(ProvisioningAnswerValidator.payloadOf(jws), "signed key " + keyId);
        PublicJsonWebKey key = JwsChecks.publicJwk(jwkParams(payload), "signed key " + keyId);
        JwsChecks.verify(compact, jws, key, ErrorCode.PROOF_OF_POSSESSION_FAILED, "signed key " + keyId);
        checkKeyType(key, alg, request);
        String certReq = string(payload, "certreq");
        if (request.certReq() != null) {
            if (certReq == null) {
                throw new AnswerRejected(ErrorCode.CSR_MISSING, "signed key " + keyId + " carries no re-signed certreq");
            }
            X500Name dummySubject = ResignedCertificationRequests.parse(request.certReq(), keyId).orElseThrow().getSubject();
            ResignedCertificationRequests.checkResigned(certReq, key.getPublicKey(), dummySubject, keyId);
        }
        String keyState = string(payload, "keystate");
        return new ValidatedProvisioning.Key(keyId, request.usage(),
                keyState != null ? keyState : request.keyState(),
                ProvisioningAnswerValidator.publicJson(key, keyId), JwsChecks.thumbprint(key), certReq);
    }

    private static Map<String, Object> jwkParams(JsonObject payload) {
        Map<String, Object> params = new java.util.HashMap<>();
        payload.forEach((name, value) -> {
            if (value instanceof JsonString string) {
                params.put(name, string.getString());
            }
        });
        params.remove("certreq");
        return params;
    }

    private static String string(JsonObject payload, String key) {
        JsonValue value = payload.get(key);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static void checkKeyType(PublicJsonWebKey key, String alg, KeyGenRequest request) throws AnswerRejected {
        for (KeyTypePrio prio : request.keyTypePrios()) {
            boolean typeMatches = switch (prio.keyType()) {
                case "RSA" -> key.getPublicKey() instanceof RSAPublicKey rsa
                        && rsa.getModulus().bitLength() == prio.keyLength();
                case "EC" -> key.getPublicKey() instanceof ECPublicKey ec
                        && ec.getParams().getOrder().bitLength() == prio.keyLength();
                default -> false;
            };
            boolean algMatches = prio.mechanism() == null ? defaultAlg(key).equals(alg) : prio.mechanism().equals(alg);
            if (typeMatches && algMatches) {
                return;
            }
        }
        throw new AnswerRejected(ErrorCode.KEY_TYPE_NOT_REQUESTED,
                "Signed key " + request.keyId() + " (" + key.getKeyType() + ", " + alg + ") is not among its keytypeprios");
    }

    private static String defaultAlg(PublicJsonWebKey key) {
        if (key.getPublicKey() instanceof ECPublicKey ec) {
            return ec.getParams().getOrder().bitLength() > 256 ? "ES384" : "ES256";
        }
        return "RS256";
    }
}
