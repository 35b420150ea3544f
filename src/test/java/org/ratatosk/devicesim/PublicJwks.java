package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Public keys as the JSON the apps write: the bare JWK members, then the app's own extra fields. */
final class PublicJwks {

    private PublicJwks() {
    }

    /** kty and key members (n, e or crv, x, y), in jose4j's order. */
    static JsonObjectBuilder of(PublicKey key) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (Map.Entry<String, Object> member : params(key).entrySet()) {
            builder.add(member.getKey(), String.valueOf(member.getValue()));
        }
        return builder;
    }

    static Map<String, Object> params(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The modulus length in bits as the apps write it in {@code n#len}. */
    static String modulusLength(PublicKey key) {
        return String.valueOf(((RSAPublicKey) key).getModulus().bitLength());
    }

    /** RFC 7638 SHA-256 thumbprint, what the server compares attestation keys by. */
    static String thumbprint(PublicKey key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> asMap(JsonObject json) {
        try {
            return org.jose4j.json.JsonUtil.parseJson(json.toString());
        } catch (JoseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
