package org.ratatosk.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.testsupport.Seeds;

/** The CSR of seed 003, made by a Securosys HSM, parses and verifies as a request this server accepts. */
class SeedCsrTest {

    static String seedResult() throws Exception {
        String seed = Seeds.read("003");
        int start = seed.indexOf("{\n\"id\"");
        JsonObject status = Json.createReader(new StringReader(seed.substring(start).trim())).readObject();
        assertEquals("EXECUTED", status.getString("status"));
        return status.getString("result");
    }

    @Test
    void seedCsrParsesAndItsSignatureVerifies() throws Exception {
        String pem = seedResult();
        assertTrue(pem.startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----\n"));
        JcaPKCS10CertificationRequest csr = CaCertificationRequests.parseVerified(pem);
        assertEquals("CN=Approver-Intermediate-SUB", csr.getSubject().toString());
        assertEquals(2048, ((RSAPublicKey) csr.getPublicKey()).getModulus().bitLength());
        assertEquals("1.2.840.113549.1.1.11", csr.getSignatureAlgorithm().getAlgorithm().getId(), "SHA256_WITH_RSA");
        Extensions requested = csr.getRequestedExtensions();
        assertTrue(requested.getExtension(Extension.extendedKeyUsage).isCritical());
        assertTrue(ExtendedKeyUsage.fromExtensions(requested).hasKeyPurposeId(KeyPurposeId.id_kp_codeSigning));
        assertTrue(KeyUsage.fromExtensions(requested).hasUsages(KeyUsage.digitalSignature));
        assertTrue(requested.getExtension(Extension.subjectKeyIdentifier) != null);
    }

    @Test
    void seedCsrAsBase64DerIsAcceptedToo() throws Exception {
        String base64 = seedResult().replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        assertEquals("CN=Approver-Intermediate-SUB", CaCertificationRequests.parseVerified(base64).getSubject().toString());
    }

    @Test
    void anyChangedByteOfTheSeedCsrFails() throws Exception {
        String pem = seedResult();
        int at = pem.indexOf("Xt9f");
        String tampered = pem.substring(0, at) + "Xt9g" + pem.substring(at + 4);
        DomainException refused = assertThrows(DomainException.class, () -> CaCertificationRequests.parseVerified(tampered));
        assertEquals(422, refused.code().status());
        assertEquals(ErrorCode.INVALID_CSR_SIGNATURE, refused.code());
        assertEquals(ErrorCode.INVALID_CSR, assertThrows(DomainException.class,
                () -> CaCertificationRequests.parseVerified("-----BEGIN NEW CERTIFICATE REQUEST-----\nAAAA\n-----END NEW CERTIFICATE REQUEST-----\n")).code());
    }
}
