package org.ratatosk.devicesim;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One {@code signedkeys} entry: the new public key as a JWK, signed by itself so the server sees
 * proof of possession, with the dummy CSR re-issued for that key when the command carried one.
 */
final class SignedKeys {

    private static final X500Name OTHER_SUBJECT = new X500Name("CN=Mallory,O=Somewhere Else");

    private SignedKeys() {
    }

    static String sign(JsonObject keygenrequest, KeyChoice choice, KeyPair keys, String nonce,
            AnswerOptions options, KeySource keySource) {
        String keyid = keygenrequest.getString("keyid");
        JsonObjectBuilder jwk = PublicJwks.of(keys.getPublic());
        if (choice.spec().isRsa()) {
            jwk.add("n#len", PublicJwks.modulusLength(keys.getPublic()));
        }
        jwk.add("alg", choice.alg())
                .add("kid", keyid)
                .add("use", keygenrequest.getString("usage", "SIG"));
        String dummy = keygenrequest.getString("certreq", null);
        if (dummy != null) {
            jwk.add("certreq", certreq(dummy, choice, keys, options, keySource));
        }
        // Seed 000's device answers "ACTIVE" with "active"; do the same.
        jwk.add("keystate", keygenrequest.getString("keystate", "ACTIVE").toLowerCase());

        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("nonce", options.has(Fault.WRONG_SIGNED_KEY_NONCE) ? nonce + "0" : nonce);
        headers.put("kid", keyid);
        KeyPair signer = options.has(Fault.BROKEN_PROOF_OF_POSSESSION) ? keySource.next(choice.spec()) : keys;
        return Jws.sign(choice.alg(), headers, jwk.build().toString(), signer.getPrivate());
    }

    private static String certreq(String dummy, KeyChoice choice, KeyPair keys, AnswerOptions options, KeySource keySource) {
        if (options.has(Fault.CSR_SUBJECT_CHANGED)) {
            return DummyCertificationRequests.create(OTHER_SUBJECT, keys, choice.csrSignatureAlgorithm());
        }
        if (options.has(Fault.CSR_OTHER_KEY)) {
            return DummyCertificationRequests.resign(dummy, keySource.next(choice.spec()), choice.csrSignatureAlgorithm());
        }
        return DummyCertificationRequests.resign(dummy, keys, choice.csrSignatureAlgorithm());
    }
}
