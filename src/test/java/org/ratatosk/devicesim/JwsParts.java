package org.ratatosk.devicesim;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Reads a compact JWS the way a verifier would, for assertions in tests. */
record JwsParts(JsonObject header, JsonObject payload, String signature) {

    static JwsParts of(String compact) {
        String[] parts = compact.split("\\.", -1);
        return new JwsParts(json(parts[0]), json(parts[1]), parts[2]);
    }

    private static JsonObject json(String segment) {
        return Reply.parse(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8));
    }

    /** The public key in a JWK JSON object (extra app fields such as n#len are ignored). */
    static PublicKey key(JsonObject jwk) {
        try {
            return ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(jwk.toString())).getPublicKey();
        } catch (JoseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
