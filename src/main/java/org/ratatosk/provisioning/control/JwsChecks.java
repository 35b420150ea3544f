package org.ratatosk.provisioning.control;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.ratatosk.platform.ErrorCode;

/**
 * Signature checks shared by attestation and proof-of-possession: only asymmetric algorithms,
 * and for RSA PKCS#1 a failed check tells a broken signature from changed signed content.
 */
public final class JwsChecks {

    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384");

    private static final Map<String, byte[]> DIGEST_INFO_PREFIX = Map.of(
            "RS256", hex("3031300d060960864801650304020105000420"),
            "RS384", hex("3041300d060960864801650304020205000430"),
            "RS512", hex("3051300d060960864801650304020305000440"));

    /** The base64url members of RSA and EC public JWKs, which jose4j would decode leniently. */
    private static final java.util.List<String> KEY_MEMBERS = java.util.List.of("n", "e", "x", "y");

    private JwsChecks() {
    }

    /**
     * Parses a compact JWS whose three parts are strict base64url (jose4j alone would skip stray
     * characters); a broken encoding is {@link AnswerMalformed}.
     */
    public static JsonWebSignature parse(String compact, String what) throws AnswerRejected {
        String[] parts = compact == null ? new String[0] : compact.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new AnswerMalformed(ErrorCode.MALFORMED_JWS, what + " is not a compact JWS: three parts, a header first");
        }
        StrictBase64.url(parts[0], what + "'s header");
        StrictBase64.url(parts[1], what + "'s payload");
        StrictBase64.url(parts[2], what + "'s signature");
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(compact);
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ALLOWED_ALGORITHMS.toArray(String[]::new)));
            return jws;
        } catch (JoseException | RuntimeException e) {
            throw new AnswerRejected(ErrorCode.MALFORMED_JWS, what + " cannot be parsed as a compact JWS");
        }
    }

    public static String algorithm(JsonWebSignature jws, String what) throws AnswerRejected {
        String alg = jws.getAlgorithmHeaderValue();
        if (alg == null || !ALLOWED_ALGORITHMS.contains(alg)) {
            throw new AnswerRejected(ErrorCode.ALG_NOT_ALLOWED, what + " uses algorithm '" + alg + "', which is not allowed");
        }
        return alg;
    }

    public static PublicJsonWebKey publicJwk(Map<String, Object> params, String what) throws AnswerRejected {
        for (String member : KEY_MEMBERS) {
            if (params.get(member) instanceof String value) {
                StrictBase64.url(value, what + "'s " + member);
            }
        }
        try {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(params);
            if (jwk instanceof PublicJsonWebKey publicJwk && publicJwk.getPrivateKey() == null) {
                return publicJwk;
            }
        } catch (JoseException | RuntimeException e) {
            throw new AnswerRejected(ErrorCode.INVALID_KEY, what + " is not a valid public JWK");
        }
        throw new AnswerRejected(ErrorCode.INVALID_KEY, what + " is not an RSA or EC public key");
    }

    public static String thumbprint(PublicJsonWebKey jwk) {
        return jwk.calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** Verifies the signature; failureCode names the check for messages other than RSA diagnostics. */
    public static void verify(String compact, JsonWebSignature jws, PublicJsonWebKey key, ErrorCode failureCode, String what)
            throws AnswerRejected {
        boolean valid;
        try {
            jws.setKey(key.getPublicKey());
            valid = jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            valid = false;
        }
        if (valid) {
            return;
        }
        if (failureCode == null) {
            boolean contentChanged = signedContentChanged(compact, jws.getAlgorithmHeaderValue(), key);
            throw new AnswerRejected(contentChanged ? ErrorCode.CONTENT_CHANGED : ErrorCode.SIGNATURE_INVALID,
                    contentChanged
                            ? what + ": the signature is intact but the signed header or payload was changed"
                            : what + ": the signature does not verify");
        }
        throw new AnswerRejected(failureCode, what + ": the signature does not verify");
    }

    /** True when an RSA PKCS#1 signature opens to a well-formed digest of other content. */
    static boolean signedContentChanged(String compact, String alg, PublicJsonWebKey key) {
        byte[] prefix = DIGEST_INFO_PREFIX.get(alg);
        if (prefix == null || !(key.getPublicKey() instanceof RSAPublicKey rsa)) {
            return false;
        }
        try {
            String[] parts = compact.split("\\.");
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            int length = (rsa.getModulus().bitLength() + 7) / 8;
            byte[] block = toFixed(new BigInteger(1, signature).modPow(rsa.getPublicExponent(), rsa.getModulus()), length);
            int digestLength = prefix[prefix.length - 1];
            int start = length - digestLength - prefix.length;
            if (block[0] != 0 || block[1] != 1 || block[start - 1] != 0) {
                return false;
            }
            for (int i = 2; i < start - 1; i++) {
                if (block[i] != (byte) 0xff) {
                    return false;
                }
            }
            for (int i = 0; i < prefix.length; i++) {
                if (block[start + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] toFixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, fixed, length - copy, copy);
        return fixed;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
