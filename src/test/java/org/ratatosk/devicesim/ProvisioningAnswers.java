package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * Builds the attested answer to a fetched {@code PROV} message the way seed 000's device does:
 * one self-signed key per keygen request, wrapped in a JWS made with the device's attestation key.
 */
public final class ProvisioningAnswers {

    private static volatile KeyPair untrusted;

    private ProvisioningAnswers() {
    }

    public static ProvisioningAnswer build(JsonObject message, KeyPair attestation, KeySource keySource, AnswerOptions options) {
        JsonObject header = message.getJsonObject("header");
        JsonObject command = message.getJsonObject("provCommand");
        JsonObject profile = command.getJsonObject("profile");
        String nonce = command.getString("nonce");

        Map<String, KeyPair> keys = new LinkedHashMap<>();
        JsonArrayBuilder signedkeys = Json.createArrayBuilder();
        for (JsonValue value : profile.getJsonArray("keygenrequests")) {
            JsonObject request = value.asJsonObject();
            KeyChoice choice = KeyChoice.of(request);
            KeyPair pair = keySource.next(choice.spec());
            keys.put(request.getString("keyid"), pair);
            signedkeys.add(SignedKeys.sign(request, choice, pair, nonce, options, keySource));
        }

        String profileId = profile.getString("id", null);
        String userid = command.getString("userid", null);
        JsonObject payload = Json.createObjectBuilder()
                .add("deviceinfo", options.deviceinfo())
                .add("profile", Json.createObjectBuilder()
                        .add("signedkeys", signedkeys)
                        .add("servername", profile.getString("servername", ""))
                        .add("name", profile.getString("name", ""))
                        .add("userid", options.has(Fault.WRONG_USERID) ? userid + "-other" : String.valueOf(userid))
                        .add("id", options.has(Fault.WRONG_PROFILE_ID) ? UUID.randomUUID().toString() : String.valueOf(profileId))
                        .add("boxurl", profile.getString("boxurl", "")))
                .build();

        String fqdn = header == null ? null : header.getString("fqdn", null);
        String jws = attest(payload.toString(), fqdn, options.has(Fault.WRONG_NONCE) ? nonce + "0" : nonce, attestation, options);
        String boxurl = profile.getString("boxurl", null);
        String boxtoken = profile.getString("boxtoken", null);
        Mailbox mailbox = boxurl == null || boxtoken == null ? null : new Mailbox(boxurl, boxtoken);
        return new ProvisioningAnswer(jws, keys, profileId, mailbox);
    }

    private static String attest(String payload, String fqdn, String nonce, KeyPair attestation, AnswerOptions options) {
        KeyPair signer = options.has(Fault.UNTRUSTED_ATTESTATION_KEY) ? untrustedKey() : attestation;
        Map<String, Object> headers = new LinkedHashMap<>();
        if (fqdn != null) {
            headers.put("fqdn", fqdn);
        }
        headers.put("jwk", PublicJwks.asMap(AttestationKeys.publicJwk(signer.getPublic())));
        headers.put("nonce", nonce);
        String alg = options.has(Fault.ALG_NONE) ? AlgorithmIdentifiers.NONE : Jws.algorithmFor(signer.getPublic());
        String jws = Jws.sign(alg, headers, payload, signer.getPrivate());
        if (options.has(Fault.TAMPERED_HEADER)) {
            jws = Tampering.tamperJsonMember(jws, 0, "kid");
        }
        if (options.has(Fault.TAMPERED_PAYLOAD)) {
            jws = Tampering.tamperJsonMember(jws, 1, "name");
        }
        if (options.has(Fault.TAMPERED_SIGNATURE)) {
            jws = Tampering.tamperSignature(jws);
        }
        return jws;
    }

    // One stranger key per JVM: a fresh RSA key per faulty answer would only cost time.
    private static KeyPair untrustedKey() {
        if (untrusted == null) {
            synchronized (ProvisioningAnswers.class) {
                if (untrusted == null) {
                    untrusted = KeySpec.rsa(2048).generate();
                }
            }
        }
        return untrusted;
    }
}
