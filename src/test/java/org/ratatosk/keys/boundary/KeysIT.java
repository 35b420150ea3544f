package org.ratatosk.keys.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/** Keys in SoftHSM2 behind the key API: their attributes, and the CA made from them. */
@ExtendWith(ArquillianExtension.class)
class KeysIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSoftHsm() {
        TestTokens.assumeSoftHsm();
    }

    static String label(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void keyIsCreatedListedReadAndDeletedAndItsPrivateKeyNeverLeavesTheHsm() throws Exception {
        String label = label("Seed.Approver");
        JsonObject created = KeyApi.createRsa(label, null);
        assertEquals(label, created.getString("label"));
        assertEquals("pkcs11", created.getString("token"));
        assertEquals(2048, created.getInt("keySize"));
        assertFalse(created.getJsonObject("attributes").getBoolean("extractable"));
        assertFalse(created.getJsonObject("policy").getJsonObject("keyStatus").getBoolean("blocked"));

        String access = TestTokens.privateKeyAccess(label.toLowerCase());
        assertTrue(access.contains("sensitive") && access.contains("never extractable"), access);

        JsonObject read = KeyApi.get("key/" + label.toUpperCase()).expectOk("read").body();
        assertEquals(created.getString("publicKey"), read.getString("publicKey"));
        assertTrue(KeyApi.list().stream().anyMatch(k -> ((jakarta.json.JsonString) k).getString().equals(label)));

        assertEquals(204, KeyApi.delete("key/" + label).status());
        Reply gone = KeyApi.get("key/" + label);
        assertEquals(404, gone.status());
        assertEquals("KEY_NOT_FOUND", gone.string("code"));
        assertEquals(630, gone.body().getInt("errorCode"));
        assertEquals("res.error.key.not.found", gone.string("reason"));
        assertNull(TestTokens.privateKeyAccess(label.toLowerCase()), "the HSM object is destroyed too");
    }

    @Test
    void keyThatIsNotDestroyableStays() {
        String label = label("keep");
        KeyApi.post("key", KeyApi.key(label, "RSA", 2048, KeyApi.attributes(true, true, false), null)).expectOk("create");
        Reply refused = KeyApi.delete("key/" + label);
        assertEquals(403, refused.status());
        assertEquals("KEY_NOT_DESTROYABLE", refused.string("code"));
        assertEquals(200, KeyApi.get("key/" + label).status());
    }

    @Test
    void refusedCreationsChangeNothing() {
        String label = label("dup");
        KeyApi.createRsa(label, null);
        Reply twice = KeyApi.post("key", KeyApi.key(label.toUpperCase(), "RSA", 2048, KeyApi.attributes(true, true, true), null));
        assertEquals(409, twice.status());
        assertEquals("KEY_EXISTS", twice.string("code"));
        assertEquals(632, twice.body().getInt("errorCode"));

        String other = label("bad");
        Reply badSize = KeyApi.post("key", KeyApi.key(other, "RSA", 1000, KeyApi.attributes(true, true, true), null));
        assertEquals(400, badSize.status());
        assertEquals("INVALID_KEY_SIZE", badSize.string("code"));
        Reply badPolicy = KeyApi.post("key", Json.createObjectBuilder(KeyApi.key(other, "EC", 256,
                KeyApi.attributes(true, true, true), null)).add("policy", Json.createObjectBuilder().add("ruleUse",
                Json.createObjectBuilder().add("tokens", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("timeout", 60).add("groups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("quorum", 1).add("approvals", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("type", "public_key").add("value", "bm90IGEga2V5")))))))))
                .build());
        assertEquals(400, badPolicy.status());
        assertEquals("INVALID_PUBLIC_KEY", badPolicy.string("code"));
        assertEquals(404, KeyApi.get("key/" + other).status());

        Reply noCredentials = Server.send(Server.request("/hermod/rest/v1/key").GET());
        assertEquals(401, noCredentials.status());
        Reply malformed = KeyApi.post("certificate/sign", Json.createObjectBuilder().add("x", 1).build());
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().containsKey("errorCode") && malformed.body().containsKey("reason"), malformed.raw());
    }

    @Test
    void selfSignedCaIssuesCertificatesThatChainAndVerify() throws Exception {
        String ca = label("Root-CA");
        KeyApi.createRsa(ca, null);
        X509Certificate root = TestCertificates.certificates(KeyApi.selfSignCa(ca, "Ratatosk Test Root")).get(0);
        root.verify(root.getPublicKey());
        assertEquals(0, root.getBasicConstraints());
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        assertEquals(Duration.ofDays(3650), Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()));
        assertEquals(TestCertificates.pem("CERTIFICATE", root.getEncoded()),
                KeyApi.get("key/" + ca).body().getString("certificate"), "selfsign stores the key's certificate");

        KeyPair subject = TestCertificates.rsa();
        Reply signed = KeyApi.post("certificate/sign", KeyApi.signBody(ca,
                TestCertificates.csr(subject, "CN=device-1,O=Ratatosk Test"), 30,
                List.of("DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT"), List.of("CLIENT_AUTH"))).expectOk("sign");
        X509Certificate leaf = TestCertificates.certificates(signed.string("certificate")).get(0);
        assertEquals(2, signed.body().getJsonArray("certificateChain").size());

        assertEquals(3, leaf.getVersion());
        assertEquals(1, leaf.getSerialNumber().signum());
        assertTrue(leaf.getSerialNumber().bitLength() > 96 && leaf.getSerialNumber().bitLength() <= 128,
                "random 128-bit serial, got " + leaf.getSerialNumber().bitLength() + " bits");
        assertArrayEquals(subject.getPublic().getEncoded(), leaf.getPublicKey().getEncoded());
        assertEquals(new X500Name("CN=device-1,O=Ratatosk Test"), X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded()));
        assertEquals(root.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[2] && !leaf.getKeyUsage()[5]);
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), leaf.getExtendedKeyUsage());
        assertEquals(Duration.ofDays(30), Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
        byte[] rootSki = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                root.getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
        byte[] leafAki = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
        assertArrayEquals(rootSki, leafAki);
        assertTrue(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId()) != null);

        assertTrue(TestCertificates.verifiesWithBouncyCastle(leaf, root));
        String openssl = TestCertificates.opensslVerify(root, leaf, dir);
        assertTrue(openssl.trim().endsWith("OK"), openssl);
    }

    @Test
    void intermediateKeyGetsItsCsrSignedImportsTheChainAndIssues() throws Exception {
        String root = label("root");
        KeyApi.createRsa(root, null);
        X509Certificate rootCertificate = TestCertificates.certificates(KeyApi.selfSignCa(root, "Root", 1)).get(0);
        String sub = label("SUB.approver.example");
        KeyApi.createRsa(sub, null);

        Reply csr = KeyApi.post("certificate/request", KeyApi.csrBody(sub.toLowerCase(), "Approver-Intermediate-SUB"))
                .expectOk("csr");
        String csrPem = csr.string("certificateSigningRequest");
        assertTrue(csrPem.startsWith("-----BEGIN NEW CERTIFICATE REQUEST-----\n"), csrPem);
        PKCS10CertificationRequest parsed = new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(
                csrPem.replaceAll("-----[A-Z ]+-----", "")));
        byte[] subKey = Base64.getDecoder().decode(KeyApi.get("key/" + sub).body().getString("publicKey"));
        assertArrayEquals(subKey, parsed.getSubjectPublicKeyInfo().getEncoded());
        assertTrue(parsed.isSignatureValid(new JcaContentVerifierProviderBuilder().build(parsed.getSubjectPublicKeyInfo())));
        assertEquals("CN=Approver-Intermediate-SUB", parsed.getSubject().toString());
        Extensions requested = Extensions.getInstance(parsed.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
        assertTrue(ExtendedKeyUsage.fromExtensions(requested).hasKeyPurposeId(KeyPurposeId.id_kp_codeSigning));

        JsonObject signCa = Json.createObjectBuilder(KeyApi.signBody(root, csrPem, 365, List.of("KEY_CERT_SIGN", "CRL_SIGN"),
                List.of()).getJsonObject("signCertificateRequest")).add("basicConstraints", Json.createObjectBuilder()
                .add("certificateAuthority", true).add("pathLenConstraint", 0)).build();
        String chain = KeyApi.post("certificate/sign", Json.createObjectBuilder().add("signCertificateRequest", signCa).build())
                .expectOk("sign intermediate").body().getJsonArray("certificateChain").getString(0)
                + TestCertificates.pem("CERTIFICATE", rootCertificate.getEncoded());

        Reply wrongKey = KeyApi.put("key/" + root + "/certificate", Json.createObjectBuilder().add("certificate", chain).build());
        assertEquals(422, wrongKey.status());
        assertEquals("CERTIFICATE_KEY_MISMATCH", wrongKey.string("code"));
        KeyApi.put("key/" + sub + "/certificate", Json.createObjectBuilder().add("certificate", chain).build())
                .expectOk("import chain");

        Reply issued = KeyApi.post("certificate/sign", KeyApi.signBody(sub,
                TestCertificates.csr(TestCertificates.rsa(), "CN=leaf"), 10, List.of("DIGITAL_SIGNATURE"), List.of()))
                .expectOk("sign leaf");
        List<X509Certificate> leafChain = TestCertificates.certificates(String.join("",
                issued.body().getJsonArray("certificateChain").getValuesAs(jakarta.json.JsonString::getString)));
        assertEquals(3, leafChain.size());
        assertTrue(TestCertificates.verifiesWithBouncyCastle(leafChain.get(0), leafChain.get(1)));
        assertTrue(TestCertificates.verifiesWithBouncyCastle(leafChain.get(1), rootCertificate));
        Path untrusted = Files.writeString(dir.resolve("intermediate.pem"),
                TestCertificates.pem("CERTIFICATE", leafChain.get(1).getEncoded()));
        Path rootFile = Files.writeString(dir.resolve("root.pem"), TestCertificates.pem("CERTIFICATE", rootCertificate.getEncoded()));
        Path leafFile = Files.writeString(dir.resolve("leaf.pem"), TestCertificates.pem("CERTIFICATE", leafChain.get(0).getEncoded()));
        Process openssl = new ProcessBuilder("openssl", "verify", "-CAfile", rootFile.toString(), "-untrusted",
                untrusted.toString(), leafFile.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertEquals(0, openssl.waitFor(), output);
    }

    @Test
    void keyThatMayNotSignCannotSign() {
        String label = label("nosign");
        KeyApi.post("key", KeyApi.key(label, "RSA", 2048, KeyApi.attributes(false, true, true), null)).expectOk("create");
        Reply refused = KeyApi.post("certificate/request", KeyApi.csrBody(label, "x"));
        assertEquals(403, refused.status());
        assertEquals("KEY_USAGE_NOT_ALLOWED", refused.string("code"));
    }

    @Test
    void attributesOnlyEverGetStricter() {
        String label = label("modify");
        KeyApi.createRsa(label, null);
        JsonObject stricter = Json.createObjectBuilder().add("attributes", Json.createObjectBuilder().add("sign", false)).build();
        JsonObject modified = KeyApi.put("key/" + label + "/attributes", stricter).expectOk("restrict").body();
        assertFalse(modified.getJsonObject("attributes").getBoolean("sign"));
        assertEquals(403, KeyApi.post("certificate/request", KeyApi.csrBody(label, "x")).status());

        Reply looser = KeyApi.put("key/" + label + "/attributes",
                Json.createObjectBuilder().add("attributes", Json.createObjectBuilder().add("sign", true)).build());
        assertEquals(403, looser.status());
        assertEquals("ATTRIBUTES_LOOSENED", looser.string("code"));

        KeyApi.put("key/" + label + "/attributes", Json.createObjectBuilder().add("attributes",
                Json.createObjectBuilder().add("modifiable", false)).build()).expectOk("freeze");
        Reply frozen = KeyApi.put("key/" + label + "/attributes", Json.createObjectBuilder().add("attributes",
                Json.createObjectBuilder().add("destroyable", false)).build());
        assertEquals(403, frozen.status());
        assertEquals("KEY_NOT_MODIFIABLE", frozen.string("code"));
        assertTrue(KeyApi.get("key/" + label).body().getJsonObject("attributes").getBoolean("destroyable"));
    }
}
