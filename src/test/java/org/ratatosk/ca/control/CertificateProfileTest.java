package org.ratatosk.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.approvals.control.ApproverKeys;
import org.ratatosk.keys.control.Pem;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.tokens.control.KeySpec;

/** Reading Securosys certificate fields, subjects and attribute changes. */
class CertificateProfileTest {

    static JsonObject body(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    @Test
    void seedFieldsBecomeBitsPurposesAndConstraints() {
        CertificateProfile profile = CertificateProfile.parse(body("""
                {"validity":365,"signatureAlgorithm":"SHA256_WITH_RSA","keyUsage":["DIGITAL_SIGNATURE","KEY_CERT_SIGN"],
                 "extendedKeyUsage":["CODE_SIGNING","1.3.6.1.5.5.7.3.2","CODE_SIGNING"],
                 "basicConstraints":{"certificateAuthority":true,"pathLenConstraint":1}}"""), true);
        assertEquals(Duration.ofDays(365), profile.validity());
        assertEquals(KeyUsage.digitalSignature | KeyUsage.keyCertSign, profile.keyUsageBits());
        assertEquals(List.of(KeyPurposeId.id_kp_codeSigning, KeyPurposeId.id_kp_clientAuth), profile.extendedKeyUsages());
        assertTrue(profile.certificateAuthority());
        assertEquals(1, profile.pathLength());
        assertEquals("SHA256withRSA", profile.signatureAlgorithmFor(KeySpec.rsa(2048)));
        assertEquals("SHA256withECDSA", CertificateProfile.parse(body("{\"validity\":1}"), true)
                .signatureAlgorithmFor(KeySpec.ec(null, 256)));
    }

    @Test
    void leafWithoutConstraintsIsNoCa() {
        CertificateProfile profile = CertificateProfile.parse(body("{\"validity\":30}"), true);
        assertFalse(profile.certificateAuthority());
        assertNull(profile.pathLength());
        assertEquals(0, profile.keyUsageBits());
        assertEquals(Duration.ofDays(365), CertificateProfile.parse(body("{}"), false).validity(), "a CSR needs no validity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"validity\":0}", "{\"validity\":40000}",
            "{\"validity\":1,\"keyUsage\":[\"FLY\"]}", "{\"validity\":1,\"extendedKeyUsage\":[\"nope\"]}",
            "{\"validity\":1,\"keyUsage\":\"DIGITAL_SIGNATURE\"}", "{\"validity\":1,\"signatureAlgorithm\":\"MD5_WITH_RSA\"}",
            "{\"validity\":1,\"basicConstraints\":{\"certificateAuthority\":true,\"pathLenConstraint\":-1}}"})
    void badFieldsAreRefusedWithA400(String json) {
        DomainException refused = assertThrows(DomainException.class, () -> CertificateProfile.parse(body(json), true), json);
        assertEquals(400, refused.code().status(), json);
    }

    @Test
    void anEcdsaAlgorithmForAnRsaKeyIsRefusedWithA400() {
        CertificateProfile ecdsa = CertificateProfile.parse(body("{\"validity\":1,\"signatureAlgorithm\":\"SHA256_WITH_ECDSA\"}"), true);
        assertEquals(400, assertThrows(DomainException.class, () -> ecdsa.signatureAlgorithmFor(KeySpec.rsa(2048))).code().status());
    }

    @Test
    void subjectFromStandardAttributes() {
        X500Name name = SubjectNames.parse(body("{\"standardCertificateAttributes\":{\"commonName\":\"CA\","
                + "\"organization\":\"Org\",\"country\":\"SE\"}}"));
        assertEquals(new X500Name("C=SE,O=Org,CN=CA"), name);
        assertEquals(400, assertThrows(DomainException.class, () -> SubjectNames.parse(
                body("{\"standardCertificateAttributes\":{\"country\":\"Sweden\",\"commonName\":\"x\"}}"))).code().status());
        assertEquals(400, assertThrows(DomainException.class, () -> SubjectNames.parse(
                body("{\"standardCertificateAttributes\":{}}"))).code().status());
    }

    @Test
    void attributesMayOnlyLoseCapabilities() {
        KeyAttributes seed = new KeyAttributes(false, true, false, false, false, false, true, true);
        assertTrue(seed.allowsRestrictionTo(seed));
        assertTrue(seed.allowsRestrictionTo(new KeyAttributes(false, false, false, false, false, false, false, false)));
        assertFalse(seed.allowsRestrictionTo(new KeyAttributes(true, true, false, false, false, false, true, true)), "decrypt added");
        assertFalse(seed.allowsRestrictionTo(new KeyAttributes(false, true, false, false, false, true, true, true)), "extractable added");
        KeyAttributes frozen = new KeyAttributes(false, true, false, false, false, false, false, true);
        assertFalse(frozen.allowsRestrictionTo(seed), "modifiable cannot come back");
    }

    @Test
    void keySpecsAndPemBlocks() {
        assertEquals(400, assertThrows(DomainException.class, () -> KeySpec.rsa(1024)).code().status());
        assertEquals(400, assertThrows(DomainException.class, () -> KeySpec.ec("1.2.3", null)).code().status());
        assertEquals(521, KeySpec.ec("1.3.132.0.35", null).keySize());
        assertEquals("1.3.132.0.34", KeySpec.ec(null, 384).curveOid());
        String two = Pem.encode("CERTIFICATE", new byte[] {1, 2, 3}) + Pem.encode("CERTIFICATE", new byte[] {4, 5});
        List<String> blocks = Pem.split(two);
        assertEquals(2, blocks.size());
        assertEquals(two, blocks.get(0) + blocks.get(1));
        assertEquals(3, Pem.decode(blocks.get(0), "x").get(0).length);
        assertEquals(400, assertThrows(DomainException.class, () -> Pem.decode("%%%", "csr")).code().status());
    }

    @Test
    void approverKeysAreCanonicalAndSignaturesChecked() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String key = java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String wrapped = key.substring(0, 64) + "\n" + key.substring(64);
        assertEquals(key, ApproverKeys.canonical(wrapped, "value"));
        var signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update("data".getBytes());
        String signature = java.util.Base64.getEncoder().encodeToString(signer.sign());
        assertTrue(ApproverKeys.verifies(key, "data".getBytes(), signature));
        assertFalse(ApproverKeys.verifies(key, "other".getBytes(), signature));
        assertFalse(ApproverKeys.verifies(key, "data".getBytes(), "not base64 !"));
        assertEquals(ErrorCode.INVALID_PUBLIC_KEY, assertThrows(DomainException.class, () -> ApproverKeys.canonical("AAAA", "v")).code());
    }
}
