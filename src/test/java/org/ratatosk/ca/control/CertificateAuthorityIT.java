package org.ratatosk.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.testsupport.Server;

/** The CA bean that server components use, inside the server, with its key in the HSM. */
@ExtendWith(ArquillianExtension.class)
class CertificateAuthorityIT {

    @Deployment
    static WebArchive deployment() {
        return Server.war().addClass(CertificateAuthorityIT.class);
    }

    @Inject
    CertificateAuthority authority;

    @Inject
    Keys keys;

    @Inject
    KeyOperations operations;

    static JsonObject key(String label, JsonObject policy) {
        var body = Json.createObjectBuilder().add("label", label).add("algorithm", "RSA").add("keySize", 2048)
                .add("attributes", Json.createObjectBuilder().add("sign", true).add("extractable", false));
        if (policy != null) {
            body.add("policy", policy);
        }
        return body.build();
    }

    String caKey() {
        String label = "uem-ca-" + UUID.randomUUID();
        keys.create(key(label, null));
        operations.selfSign(new CertificateBodies.SelfSign(Json.createObjectBuilder()
                .add("signKeyName", label).add("validity", 3650)
                .add("standardCertificateAttributes", Json.createObjectBuilder().add("commonName", "UEM CA").add("country", "SE"))
                .add("keyUsage", Json.createArrayBuilder().add("KEY_CERT_SIGN").add("CRL_SIGN"))
                .add("basicConstraints", Json.createObjectBuilder().add("certificateAuthority", true).add("pathLenConstraint", 0))
                .build()));
        return label;
    }

    static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Test
    void issuesTheLeafFirstThenTheCaCertificate() throws Exception {
        String label = caKey();
        KeyPair user = ec();
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.rfc822Name, "user@example.com"));
        List<X509Certificate> chain = authority.issue(label, user.getPublic(), new X500Name("CN=user,O=Example"), names,
                Duration.ofDays(30), KeyUsage.digitalSignature | KeyUsage.keyEncipherment,
                List.of(KeyPurposeId.id_kp_clientAuth), false);
        assertEquals(2, chain.size());
        X509Certificate leaf = chain.get(0);
        X509Certificate ca = chain.get(1);
        leaf.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        assertArrayEquals(user.getPublic().getEncoded(), leaf.getPublicKey().getEncoded());
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[2]);
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), leaf.getExtendedKeyUsage());
        assertEquals("user@example.com", leaf.getSubjectAlternativeNames().iterator().next().get(1));
        assertEquals(Duration.ofDays(30), Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
        assertArrayEquals(Base64.getDecoder().decode(keys.require(label).publicKey()), ca.getPublicKey().getEncoded());

        List<X509Certificate> subCa = authority.issue(label, ec().getPublic(), new X500Name("CN=sub"), null,
                Duration.ofDays(1), KeyUsage.keyCertSign, List.of(), true);
        assertEquals(Integer.MAX_VALUE, subCa.get(0).getBasicConstraints());
    }

    @Test
    void refusesUnknownKeysKeysWithoutCertificateAndGovernedKeys() throws Exception {
        KeyPair user = ec();
        DomainException unknown = assertThrows(DomainException.class, () -> authority.issue("no-such-" + UUID.randomUUID(),
                user.getPublic(), new X500Name("CN=x"), null, Duration.ofDays(1), KeyUsage.digitalSignature, List.of(), false));
        assertEquals(404, unknown.code().status());

        String bare = "bare-" + UUID.randomUUID();
        keys.create(key(bare, null));
        DomainException noCertificate = assertThrows(DomainException.class, () -> authority.issue(bare, user.getPublic(),
                new X500Name("CN=x"), null, Duration.ofDays(1), KeyUsage.digitalSignature, List.of(), false));
        assertEquals(409, noCertificate.code().status());
        assertEquals(ErrorCode.NO_CA_CERTIFICATE, noCertificate.code());

        KeyPair approver = ec();
        JsonObject rule = Json.createObjectBuilder().add("tokens", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("timelock", 0).add("timeout", 60).add("groups", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("quorum", 1).add("approvals", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "public_key").add("name", "officer")
                                .add("value", Base64.getEncoder().encodeToString(approver.getPublic().getEncoded())))))))).build();
        String governed = "governed-" + UUID.randomUUID();
        keys.create(key(governed, Json.createObjectBuilder().add("ruleUse", rule).build()));
        DomainException approval = assertThrows(DomainException.class, () -> authority.issue(governed, user.getPublic(),
                new X500Name("CN=x"), null, Duration.ofDays(1), KeyUsage.digitalSignature, List.of(), false));
        assertEquals(403, approval.code().status());
        assertEquals(ErrorCode.APPROVAL_REQUIRED, approval.code());
    }
}
