package org.ratatosk.devicesim;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The key a device settles on for one {@code keygenrequests} entry: the first entry of
 * {@code keytypeprios} it supports, as the apps do. Seed 001 spells the list {@code keytypepriors};
 * both are read.
 */
public record KeyChoice(KeySpec spec, String alg) {

    private static final Set<String> RSA_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");

    public static KeyChoice of(JsonObject keygenrequest) {
        JsonArray prios = keygenrequest.containsKey("keytypeprios") ? keygenrequest.getJsonArray("keytypeprios")
                : keygenrequest.getJsonArray("keytypepriors");
        if (prios == null) {
            throw new IllegalArgumentException("keygenrequest has no keytypeprios: " + keygenrequest);
        }
        for (JsonValue value : prios) {
            KeyChoice choice = choose(value.asJsonObject());
            if (choice != null) {
                return choice;
            }
        }
        throw new IllegalArgumentException("no supported key type in " + prios);
    }

    private static KeyChoice choose(JsonObject prio) {
        String kty = prio.getString("keytype", "").toUpperCase();
        int bits = number(prio.get("keylength"));
        String alg = prio.getString("responsemechanism", null);
        if ("RSA".equals(kty)) {
            String rsaAlg = alg == null ? "RS256" : alg.toUpperCase();
            KeySpec spec = KeySpec.rsa(bits);
            return spec.supported() && RSA_ALGS.contains(rsaAlg) ? new KeyChoice(spec, rsaAlg) : null;
        }
        if ("EC".equals(kty) || "ECDSA".equals(kty)) {
            KeySpec spec = KeySpec.ec(bits);
            String ecAlg = alg == null ? "ES" + bits : alg.toUpperCase();
            return spec.supported() && ecAlg.equals("ES" + bits) ? new KeyChoice(spec, ecAlg) : null;
        }
        return null;
    }

    // The seeds send keylength as a string ("2048"); accept a number too.
    private static int number(JsonValue value) {
        if (value instanceof JsonNumber n) {
            return n.intValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Integer.parseInt(s.getString().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The JCA name for signing a PKCS#10 with this key. */
    public String csrSignatureAlgorithm() {
        return spec.isRsa() ? "SHA256withRSA" : spec.bits() == 384 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
}
