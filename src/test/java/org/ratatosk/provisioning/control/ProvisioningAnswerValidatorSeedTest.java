package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.function.Predicate;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 000's real answer passes with its attestation key trusted; any changed byte fails. */
class ProvisioningAnswerValidatorSeedTest {

    private String jws;
    private ProvisioningRequest request;
    private Predicate<String> trusted;

    @BeforeEach
    void readSeed() throws Exception {
        jws = SeedVectors.answerJws();
        request = ProvisioningRequest.from(SeedVectors.provisioningCommand().getJsonObject("provCommand"));
        JsonWebSignature parsed = new JsonWebSignature();
        parsed.setCompactSerialization(jws);
        @SuppressWarnings("unchecked")
        var params = (java.util.Map<String, Object>) parsed.getHeaders().getObjectHeaderValue("jwk");
        String thumbprint = ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(params)).calculateBase64urlEncodedThumbprint("SHA-256");
        trusted = thumbprint::equals;
    }

    @Test
    void seedAnswerPassesEveryCheck() throws Exception {
        ValidatedProvisioning result = ProvisioningAnswerValidator.validate(jws, request,
                SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
        assertEquals(1, result.keys().size());
        ValidatedProvisioning.Key key = result.keys().get(0);
        assertEquals("signer", key.keyId());
        assertEquals("SIG", key.usage());
        assertEquals("active", key.keyState());
        assertEquals(43, key.thumbprint().length());
        assertTrue(key.jwk().contains("\"kty\":\"RSA\""));
        assertTrue(result.deviceInfo().contains("iPhone"));
    }

    @Test
    void untrustedAttestationKeyIsRefused() {
        assertCode("ATTESTATION_KEY_UNTRUSTED", jws, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, t -> false);
    }

    @Test
    void wrongNonceIsRefused() throws Exception {
        var command = SeedVectors.provisioningCommand().getJsonObject("provCommand");
        var otherNonce = jakarta.json.Json.createObjectBuilder(command).add("nonce", "987654321").build();
        request = ProvisioningRequest.from(otherNonce);
        assertCode("NONCE_MISMATCH", jws, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void otherAssignedProfileIdIsRefused() {
        assertCode("PROFILE_MISMATCH", jws, "00000000-0000-4000-8000-000000000000", SeedVectors.BOX_URL, trusted);
    }

    @Test
    void otherAssignedMailboxIsRefused() {
        assertCode("PROFILE_MISMATCH", jws, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL + "x", trusted);
    }

    @Test
    void changedByteInHeaderIsRefused() {
        // the byte sits inside the attestation key's modulus, so the key is no longer the trusted one
        String[] parts = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]));
        String changed = header.replace("\"n\":\"AOI7U", "\"n\":\"AOI7V");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[1] + "." + parts[2];
        assertCode("ATTESTATION_KEY_UNTRUSTED", tampered, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void changedByteInSignedHeaderFieldIsRefused() {
        // fqdn is not checked on its own, so only the signature can tell
        String[] parts = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]));
        String changed = header.replace("ext-cod1", "ext-cod2");
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[1] + "." + parts[2];
        assertCode("CONTENT_CHANGED", tampered, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void changedByteInPayloadIsRefused() {
        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        int at = new String(payload).indexOf("iPhone");
        payload[at] = 'j';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
        assertCode("CONTENT_CHANGED", tampered, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void changedByteInSignatureIsRefused() {
        String[] parts = jws.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertCode("SIGNATURE_INVALID", tampered, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void notAJwsIsRefused() {
        assertCode("MALFORMED_JWS", "not-a-jws", SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void algNoneIsRefused() {
        String[] parts = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0])).replace("\"alg\":\"RS256\"", "\"alg\":\"none\"");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes()) + "." + parts[1] + ".";
        assertCode("ALG_NOT_ALLOWED", none, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    @Test
    void hmacIsRefused() {
        String[] parts = jws.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0])).replace("\"alg\":\"RS256\"", "\"alg\":\"HS256\"");
        String hmac = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes()) + "." + parts[1] + "." + parts[2];
        assertCode("ALG_NOT_ALLOWED", hmac, SeedVectors.PROFILE_ID, SeedVectors.BOX_URL, trusted);
    }

    private void assertCode(String code, String answer, String profileId, String boxUrl, Predicate<String> trust) {
        AnswerRejected rejected = assertThrows(AnswerRejected.class,
                () -> ProvisioningAnswerValidator.validate(answer, request, profileId, boxUrl, trust));
        assertEquals(code, rejected.code().name(), rejected.getMessage());
    }
}
