package org.ratatosk.devicesim;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Compact JWS making and reading, kept in one place so jose4j's checked exceptions stay here. */
public final class Jws {

    private Jws() {
    }

    /** Signs {@code payload}; {@code headers} are added after {@code alg}, in their map order. */
    public static String sign(String alg, Map<String, Object> headers, String payload, Key signingKey) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        headers.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
        jws.setPayload(payload);
        if (AlgorithmIdentifiers.NONE.equals(alg)) {
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        } else {
            jws.setKey(signingKey);
            Operations.SIGNATURES.increment();
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with " + alg, e);
        }
    }

    /** Whether {@code compact} carries a valid signature by {@code key} (any algorithm but none). */
    public static boolean verifies(String compact, PublicKey key) {
        try {
            JsonWebSignature jws = parse(compact);
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    public static JsonWebSignature parse(String compact) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(AlgorithmConstraints.DISALLOW_NONE);
        jws.setCompactSerialization(compact);
        return jws;
    }

    /** The JWS alg an attestation key signs with. */
    static String algorithmFor(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "ES384" : "ES256";
        }
        return "RS256";
    }
}
