package org.ratatosk.signing.control;

import jakarta.json.JsonValue;
import java.util.Map;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.JwsChecks;
import org.ratatosk.provisioning.control.ProvisioningAnswerValidator;
import org.ratatosk.provisioning.control.StrictBase64;

/** A JWS answer: {@code kid} names the profile key, the payload is {@code {"tbs":[...]}} by value. */
final class JwsAnswers {

    private static final String WHAT = "The signed answer";

    private JwsAnswers() {
    }

    static VerifiedSignature verify(String compact, SignRequest request, Map<String, PublicJsonWebKey> keys) throws AnswerRejected {
        JsonWebSignature jws = JwsChecks.parse(compact, WHAT);
        String alg = JwsChecks.algorithm(jws, WHAT);
        if (request.mechanism() != null && !request.mechanism().equals(alg)) {
            throw new AnswerRejected(ErrorCode.WRONG_MECHANISM, WHAT + " uses " + alg + ", the command asked for " + request.mechanism());
        }
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null || !keys.containsKey(kid)) {
            throw new AnswerRejected(ErrorCode.UNKNOWN_KEY, WHAT + " names key '" + kid + "', which the profile "
                    + (request.keyId() == null ? "does not hold" : "may not use here"));
        }
        JwsChecks.verify(compact, jws, keys.get(kid), null, WHAT);
        JsonValue tbs;
        try {
            tbs = ProvisioningAnswerValidator.json(ProvisioningAnswerValidator.payloadOf(jws), WHAT + "'s payload").get("tbs");
        } catch (AnswerRejected e) {
            if (e.code() != ErrorCode.MALFORMED_PAYLOAD) {
                throw e;
            }
            throw new AnswerRejected(ErrorCode.TBS_MISMATCH, WHAT + ": the payload is not a JSON object with tbs");
        }
        if (!request.tbs().equals(tbs)) {
            throw new AnswerRejected(ErrorCode.TBS_MISMATCH, WHAT + " signs other data than the command's tbs");
        }
        byte[] signature = StrictBase64.url(compact.substring(compact.lastIndexOf('.') + 1), WHAT + "'s signature");
        return new VerifiedSignature(kid, SignatureFingerprint.ofJws(signature, keys.get(kid).getPublicKey()));
    }
}
