package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault breaks exactly the check it is named for; everything else stays valid. */
class FaultsTest {

    private static final KeyPair ATTESTATION = AttestationKeys.generate();
    private static final String NONCE = "nonce-1";
    private static final String USER = "bob";
    private static final String PROFILE = "profile-1";

    private final SimulatedDevice device = new SimulatedDevice(ATTESTATION, HttpClient.newHttpClient(),
            new PooledKeySource().fill(KeySpec.ec(256), 4));

    @ParameterizedTest
    @EnumSource(Fault.class)
    void faultProducesTheFault(Fault fault) throws Exception {
        JsonObject command = ProvisionCommands.provision().userid(USER).nonce(NONCE).key("signer", ProvisionCommands.ec(256)).build();
        ProvisioningAnswer answer = device.buildProvisioningAnswer(
                DeliveredMessages.provisioning(command, PROFILE, "box", "token"), AnswerOptions.with(fault));
        JwsParts outer = JwsParts.of(answer.jws());
        assertNotNull(outer.header(), "header stays JSON");
        assertNotNull(outer.payload(), "payload stays JSON");
        String signedKey = ProvisioningAnswersTest.signedKey(answer, 0);
        JwsParts key = JwsParts.of(signedKey);
        PKCS10CertificationRequest csr = DummyCertificationRequests.parse(key.payload().getString("certreq"));
        PublicKey jwkKey = JwsParts.key(key.payload());
        boolean outerVerifies = Jws.verifies(answer.jws(), ATTESTATION.getPublic());

        switch (fault) {
            case WRONG_NONCE -> {
                assertTrue(outerVerifies);
                assertNotEquals(NONCE, outer.header().getString("nonce"));
                assertEquals(NONCE, key.header().getString("nonce"));
            }
            case WRONG_SIGNED_KEY_NONCE -> {
                assertTrue(outerVerifies);
                assertEquals(NONCE, outer.header().getString("nonce"));
                assertNotEquals(NONCE, key.header().getString("nonce"));
            }
            case UNTRUSTED_ATTESTATION_KEY -> {
                PublicKey presented = JwsParts.key(outer.header().getJsonObject("jwk"));
                assertFalse(outerVerifies);
                assertTrue(Jws.verifies(answer.jws(), presented), "consistent in itself, just not registered");
                assertNotEquals(AttestationKeys.thumbprint(ATTESTATION.getPublic()), AttestationKeys.thumbprint(presented));
            }
            case ALG_NONE -> {
                assertEquals("none", outer.header().getString("alg"));
                assertEquals("", outer.signature());
                assertFalse(outerVerifies);
            }
            case BROKEN_PROOF_OF_POSSESSION -> {
                assertTrue(outerVerifies);
                assertEquals(answer.keys().get("signer").getPublic(), jwkKey);
                assertFalse(Jws.verifies(signedKey, jwkKey));
            }
            case CSR_SUBJECT_CHANGED -> {
                assertTrue(Jws.verifies(signedKey, jwkKey));
                assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(jwkKey)));
                assertNotEquals(ProvisionCommands.dummySubject(USER), csr.getSubject());
            }
            case CSR_OTHER_KEY -> {
                PublicKey csrKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
                assertEquals(ProvisionCommands.dummySubject(USER), csr.getSubject());
                assertTrue(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csrKey)));
                assertNotEquals(jwkKey, csrKey);
            }
            case WRONG_PROFILE_ID -> {
                assertTrue(outerVerifies);
                assertNotEquals(PROFILE, outer.payload().getJsonObject("profile").getString("id"));
            }
            case WRONG_USERID -> {
                assertTrue(outerVerifies);
                assertNotEquals(USER, outer.payload().getJsonObject("profile").getString("userid"));
            }
            case TAMPERED_HEADER -> {
                assertFalse(outerVerifies);
                assertEquals(NONCE, outer.header().getString("nonce"));
                assertNotEquals("attestation", outer.header().getJsonObject("jwk").getString("kid"));
            }
            case TAMPERED_PAYLOAD -> {
                assertFalse(outerVerifies);
                assertNotEquals(AnswerOptions.DEFAULT_DEVICEINFO, outer.payload().getJsonObject("deviceinfo"));
            }
            case TAMPERED_SIGNATURE -> {
                assertFalse(outerVerifies);
                assertEquals(AnswerOptions.DEFAULT_DEVICEINFO, outer.payload().getJsonObject("deviceinfo"));
            }
        }
        if (fault != Fault.BROKEN_PROOF_OF_POSSESSION) {
            assertTrue(Jws.verifies(signedKey, jwkKey), "proof of possession intact");
        }
    }
}
