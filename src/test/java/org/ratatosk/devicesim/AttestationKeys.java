package org.ratatosk.devicesim;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * The key a device attests its answers with. The operator registers its public JWK in the API
 * client's {@code attestationKeys}; the server then trusts answers signed by it (by thumbprint).
 */
public final class AttestationKeys {

    private AttestationKeys() {
    }

    public static KeyPair generate() {
        return KeySpec.rsa(2048).generate();
    }

    /**
     * The JWK as seed 000's device puts it in the JWS header: key members plus {@code kid}
     * "attestation", {@code use} "sig", {@code alg}, and for RSA the app's {@code n#len} and {@code keystate}.
     */
    public static JsonObject publicJwk(PublicKey key) {
        JsonObjectBuilder jwk = PublicJwks.of(key)
                .add("kid", "attestation")
                .add("use", "sig")
                .add("alg", Jws.algorithmFor(key));
        if ("RSA".equals(key.getAlgorithm())) {
            jwk.add("n#len", PublicJwks.modulusLength(key)).add("keystate", "active");
        }
        return jwk.build();
    }

    public static JsonObject publicJwk(KeyPair keys) {
        return publicJwk(keys.getPublic());
    }

    /** RFC 7638 SHA-256 thumbprint. */
    public static String thumbprint(PublicKey key) {
        return PublicJwks.thumbprint(key);
    }
}
