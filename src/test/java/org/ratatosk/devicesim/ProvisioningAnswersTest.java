package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class ProvisioningAnswersTest {

    private static final KeyPair ATTESTATION = AttestationKeys.generate();

    private final SimulatedDevice device = new SimulatedDevice(ATTESTATION, HttpClient.newHttpClient());

    @Test
    void outerJwsIsSignedByTheAttestationKeyAndCarriesTheCommandsValues() {
        ProvisionCommands command = ProvisionCommands.provision().userid("userA").nonce("123456789");
        JsonObject message = DeliveredMessages.provisioning(command.build(), "p-1", "box-1", "token-1");

        ProvisioningAnswer answer = device.buildProvisioningAnswer(message, AnswerOptions.valid());

        assertTrue(Jws.verifies(answer.jws(), ATTESTATION.getPublic()));
        JwsParts outer = JwsParts.of(answer.jws());
        assertEquals("RS256", outer.header().getString("alg"));
        assertEquals("123456789", outer.header().getString("nonce"));
        assertEquals(DeliveredMessages.FQDN, outer.header().getString("fqdn"));
        JsonObject jwk = outer.header().getJsonObject("jwk");
        assertEquals("attestation", jwk.getString("kid"));
        assertEquals("sig", jwk.getString("use"));
        assertEquals(AttestationKeys.thumbprint(ATTESTATION.getPublic()), AttestationKeys.thumbprint(JwsParts.key(jwk)));
        JsonObject profile = outer.payload().getJsonObject("profile");
        assertEquals("userA", profile.getString("userid"));
        assertEquals("TestProfile", profile.getString("name"));
        assertEquals("ratatosk-test", profile.getString("servername"));
        assertEquals("p-1", profile.getString("id"));
        assertEquals(DeliveredMessages.BOX_URL + "box-1", profile.getString("boxurl"));
        assertEquals(AnswerOptions.DEFAULT_DEVICEINFO, outer.payload().getJsonObject("deviceinfo"));
        assertEquals(new Mailbox(DeliveredMessages.BOX_URL + "box-1", "token-1"), answer.mailbox());
        assertEquals("p-1", answer.profileId());
    }

    @Test
    void bodyWrapsTheJwsLikeSeed000() {
        ProvisioningAnswer answer = device.buildProvisioningAnswer(
                DeliveredMessages.provisioning(ProvisionCommands.provision().build()), AnswerOptions.valid());

        JsonObject response = answer.body().getJsonObject("provResponse");
        assertEquals(0, response.getInt("code"));
        assertEquals("jws", response.getJsonObject("result").getString("contenttype"));
        assertEquals(answer.jws(), response.getJsonObject("result").getString("data"));
    }

    @Test
    void signedKeyIsTheNewRsaKeySignedByItselfWithAResignedCsr() throws Exception {
        ProvisionCommands command = ProvisionCommands.provision().userid("alice").nonce("n-42");
        ProvisioningAnswer answer = device.buildProvisioningAnswer(DeliveredMessages.provisioning(command.build()), AnswerOptions.valid());

        String signedKey = signedKey(answer, 0);
        JwsParts parts = JwsParts.of(signedKey);
        KeyPair signer = answer.keys().get("signer");
        assertEquals("RS256", parts.header().getString("alg"));
        assertEquals("signer", parts.header().getString("kid"));
        assertEquals("n-42", parts.header().getString("nonce"));
        assertEquals(signer.getPublic(), JwsParts.key(parts.payload()));
        assertTrue(Jws.verifies(signedKey, JwsParts.key(parts.payload())));
        assertEquals("2048", parts.payload().getString("n#len"));
        assertEquals("SIG", parts.payload().getString("use"));
        assertEquals("signer", parts.payload().getString("kid"));
        assertEquals("active", parts.payload().getString("keystate"));

        PKCS10CertificationRequest csr = DummyCertificationRequests.parse(parts.payload().getString("certreq"));
        assertEquals(ProvisionCommands.dummySubject("alice"), csr.getSubject());
        assertEquals(signer.getPublic(), new JcaPKCS10CertificationRequest(csr).getPublicKey());
        assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublic())));
    }

    @Test
    void ecAndPssKeysFollowTheFirstSupportedPriority() {
        JsonObject unsupported = Json.createObjectBuilder().add("keytype", "DSA").add("keylength", "1024").build();
        ProvisionCommands command = ProvisionCommands.provision()
                .key("p256", unsupported, ProvisionCommands.ec(256), ProvisionCommands.rsa(2048, "RS256"))
                .key("p384", ProvisionCommands.ec(384))
                .key("pss", ProvisionCommands.rsa(2048, "PS256"));

        ProvisioningAnswer answer = device.buildProvisioningAnswer(DeliveredMessages.provisioning(command.build()), AnswerOptions.valid());

        assertEquals(3, answer.keys().size());
        assertKey(answer, 0, "ES256", "P-256");
        assertKey(answer, 1, "ES384", "P-384");
        assertKey(answer, 2, "PS256", null);
    }

    @Test
    void readsTheMisspelledKeytypepriors() {
        JsonObject request = Json.createObjectBuilder().add("keyid", "k")
                .add("keytypepriors", Json.createArrayBuilder().add(ProvisionCommands.ec(384))).build();

        assertEquals(new KeyChoice(KeySpec.ec(384), "ES384"), KeyChoice.of(request));
        assertEquals(new KeyChoice(KeySpec.rsa(3072), "RS256"), KeyChoice.of(Json.createObjectBuilder().add("keyid", "k")
                .add("keytypeprios", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("keytype", "RSA").add("keylength", 3072))).build()));
        assertThrows(IllegalArgumentException.class, () -> KeyChoice.of(Json.createObjectBuilder().add("keyid", "k")
                .add("keytypeprios", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("keytype", "EC").add("keylength", "256").add("responsemechanism", "RS256"))).build()));
    }

    @Test
    void takesKeysFromTheSourceItIsGiven() {
        PooledKeySource pool = new PooledKeySource().fill(KeySpec.ec(256), 1);
        SimulatedDevice pooled = new SimulatedDevice(ATTESTATION, HttpClient.newHttpClient(), pool);
        ProvisionCommands command = ProvisionCommands.provision().key("a", ProvisionCommands.ec(256)).key("b", ProvisionCommands.ec(256));

        ProvisioningAnswer answer = pooled.buildProvisioningAnswer(DeliveredMessages.provisioning(command.build()), AnswerOptions.valid());

        assertEquals(0, pool.remaining(KeySpec.ec(256)));
        assertEquals(1, pool.misses());
        assertFalse(answer.keys().get("a").getPublic().equals(answer.keys().get("b").getPublic()));
    }

    @Test
    void aPooledKeyIsHandedOutOnce() {
        PooledKeySource pool = new PooledKeySource().fill(KeySpec.ec(256), 2);

        KeyPair first = pool.next(KeySpec.ec(256));
        KeyPair second = pool.next(KeySpec.ec(256));

        assertFalse(first == second);
        assertEquals(0, pool.misses());
        pool.next(KeySpec.ec(256));
        assertEquals(1, pool.misses());
    }

    @Test
    void attestationJwkIsWhatTheOperatorRegisters() {
        JsonObject jwk = AttestationKeys.publicJwk(ATTESTATION);

        assertEquals("RSA", jwk.getString("kty"));
        assertEquals("RS256", jwk.getString("alg"));
        assertEquals("attestation", jwk.getString("kid"));
        PublicKey parsed = JwsParts.key(jwk);
        assertArrayEquals(ATTESTATION.getPublic().getEncoded(), parsed.getEncoded());
        assertSame(ATTESTATION, device.attestationKeys());
    }

    private static void assertKey(ProvisioningAnswer answer, int index, String alg, String crv) {
        String signedKey = signedKey(answer, index);
        JwsParts parts = JwsParts.of(signedKey);
        assertEquals(alg, parts.header().getString("alg"));
        assertEquals(alg, parts.payload().getString("alg"));
        assertEquals(crv, parts.payload().getString("crv", null));
        assertTrue(Jws.verifies(signedKey, JwsParts.key(parts.payload())), alg);
    }

    static String signedKey(ProvisioningAnswer answer, int index) {
        return JwsParts.of(answer.jws()).payload().getJsonObject("profile").getJsonArray("signedkeys").getString(index);
    }
}
