package org.ratatosk.approvals.control;

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
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

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
        assertEquals(ErrorCode.INVALID_CERTIFICATE, assertThrows(DomainException.class, () -> ApproverKeys.ofApprover(
                Json.createObjectBuilder().add("approverCertificate", "bm90IGEgY2VydA==").build())).code());
        assertThrows(DomainException.class, () -> ApproverKeys.ofApprover(Json.createObjectBuilder().build()));
    }

    static String sign(java.security.PrivateKey key, String algorithm, byte[] data) throws Exception {
        java.security.Signature signature = java.security.Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(data);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    /** TSB's approvers name the digest they signed with; Ed25519 approvers, as in its Python sample, name EdDSA. */
    @Test
    void signaturesVerifyWithTheDigestTheApproverNames() throws Exception {
        byte[] data = "2024-08-14T20:03:02+02:00".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        String key = ApproverKeys.canonical(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), "k");
        String sha384 = sign(pair.getPrivate(), "SHA384withRSA", data);
        assertEquals(true, ApproverKeys.verifies(key, data, sha384, "SHA-384"));
        assertEquals(false, ApproverKeys.verifies(key, data, sha384, "SHA-256"));
        assertEquals(true, ApproverKeys.verifies(key, data, sign(pair.getPrivate(), "SHA3-256withRSA", data), "SHA3-256"));

        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String edKey = ApproverKeys.canonical(Base64.getEncoder().encodeToString(ed.getPublic().getEncoded()), "k");
        assertEquals(true, ApproverKeys.verifies(edKey, data, sign(ed.getPrivate(), "Ed25519", data), "EdDSA"));
        assertEquals(false, ApproverKeys.verifies(edKey, "other".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                sign(ed.getPrivate(), "Ed25519", data), "EdDSA"));

        assertEquals("SHA-256", ApproverKeys.digest(null, "approvalDigestAlgorithm"));
        assertEquals("SHA-512", ApproverKeys.digest("SHA-512", "approvalDigestAlgorithm"));
        DomainException md5 = assertThrows(DomainException.class, () -> ApproverKeys.digest("MD5", "approvalDigestAlgorithm"));
        assertEquals(400, md5.code().status());
        assertEquals("'approvalDigestAlgorithm' must be one of [SHA-224, SHA-256, SHA-384, SHA-512, SHA3-224, SHA3-256, SHA3-384, SHA3-512] or EdDSA",
                md5.getMessage());
    }
}
