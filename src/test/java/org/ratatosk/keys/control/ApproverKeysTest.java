package org.ratatosk.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.ApiException;

/** An approver is known by its public key, given as such or, as TSB allows, by its certificate. */
class ApproverKeysTest {

    @Test
    void anApproverCertificateNamesTheSameApproverAsItsPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] certificate = new JcaX509v3CertificateBuilder(new X500Name("CN=approver"), BigInteger.TEN,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), new X500Name("CN=approver"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())).getEncoded();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String byKey = ApproverKeys.ofApprover(Json.createObjectBuilder().add("approverPublicKey", publicKey).build());
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate) + "\n-----END CERTIFICATE-----\n";
        assertEquals(byKey, ApproverKeys.ofApprover(Json.createObjectBuilder().add("approverCertificate", pem).build()));
        assertEquals(byKey, ApproverKeys.ofApprover(Json.createObjectBuilder()
                .add("approverCertificate", Base64.getEncoder().encodeToString(certificate)).build()));
        assertEquals("INVALID_CERTIFICATE", assertThrows(ApiException.class, () -> ApproverKeys.ofApprover(
                Json.createObjectBuilder().add("approverCertificate", "bm90IGEgY2VydA==").build())).code());
        assertThrows(ApiException.class, () -> ApproverKeys.ofApprover(Json.createObjectBuilder().build()));
    }
}
