package org.ratatosk.uem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ratatosk.uem.boundary.Uem.assertFailure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.control.OpenSsl;

/** Issuing user key pairs through the CA whose key is in the test server's SoftHSM token. */
@ExtendWith(ArquillianExtension.class)
class UemKeyPairIT {

    static TestCaKey ca;
    static ServerProperties properties;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void createCa() {
        ca = TestCaKey.create();
        properties = ServerProperties.open().set("hermod.uem.ca-key", ca.label());
    }

    @AfterAll
    static void restore() {
        if (properties != null) {
            properties.close();
        }
    }

    /** What a successful answer holds, opened as UEM would open it. */
    record Delivered(Reply reply, String password, KeyStore store, String alias, PrivateKey key, X509Certificate leaf,
                     X509Certificate caCertificate) {
    }

    static Delivered open(Reply reply, String password) throws Exception {
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("success", reply.string("status"), reply.toString());
        assertEquals("pkcs12", reply.string("payloadType"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(reply.string("payload"))), password.toCharArray());
        List<String> aliases = Collections.list(store.aliases());
        assertEquals(1, aliases.size());
        String alias = aliases.get(0);
        PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
        var chain = store.getCertificateChain(alias);
        assertEquals(2, chain.length);
        return new Delivered(reply, password, store, alias, key, (X509Certificate) chain[0], (X509Certificate) chain[1]);
    }

    static String decryptionPassword(Reply reply) {
        return new String(Base64.getDecoder().decode(reply.string("decryptionPassword")), StandardCharsets.UTF_8);
    }

    static void assertKeyMatchesCertificate(PrivateKey key, X509Certificate certificate) throws Exception {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update("possession".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update("possession".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void userGetsAKeyAndACertificateFromTheHsmCa() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        Reply reply = Uem.client(Uem.CUSTOM_PREFIX).getUserKeyPair(user, otp, "12487");
        assertEquals("12487", reply.string("reqId"));
        Delivered delivered = open(reply, decryptionPassword(reply));
        assertTrue(delivered.password().length() >= 32, "random password of 32 bytes");
        assertKeyMatchesCertificate(delivered.key(), delivered.leaf());
        assertEquals(((RSAPublicKey) delivered.leaf().getPublicKey()).getModulus(), ((RSAPrivateCrtKey) delivered.key()).getModulus());
        assertEquals(2048, ((RSAPublicKey) delivered.leaf().getPublicKey()).getModulus().bitLength());
        // chained to the CA: signed by its HSM key, and the CA certificate travels along
        delivered.leaf().verify(ca.certificate().getPublicKey());
        assertEquals(ca.certificate(), delivered.caCertificate());
        assertEquals(ca.certificate().getSubjectX500Principal(), delivered.leaf().getIssuerX500Principal());
        assertEquals("CN=" + user, delivered.leaf().getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(1, user)), delivered.leaf().getSubjectAlternativeNames().stream().map(List::copyOf).toList());
        boolean[] usage = delivered.leaf().getKeyUsage();
        assertTrue(usage[0] && usage[2], "digitalSignature and keyEncipherment");
        assertFalse(usage[5], "no keyCertSign");
        assertEquals(List.of("1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4"), delivered.leaf().getExtendedKeyUsage());
        assertEquals(-1, delivered.leaf().getBasicConstraints());
        long days = Duration.between(delivered.leaf().getNotBefore().toInstant(), delivered.leaf().getNotAfter().toInstant()).toDays();
        assertTrue(days >= 364 && days <= 366, "valid for a year: " + days);
    }

    @Test
    void opensslReadsThePayloadAsPbes2WithAes256() throws Exception {
        String user = Uem.newUser();
        Reply reply = Uem.client().getUserKeyPair(user, Uem.otp(user), Uem.reqId());
        String info = OpenSsl.pkcs12Info(Base64.getDecoder().decode(reply.string("payload")), decryptionPassword(reply));
        assertTrue(info.contains("MAC: sha256"), info);
        assertTrue(info.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(info.contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(info.contains("PRF hmacWithSHA256"), info);
        assertTrue(info.contains("subject=CN = " + user), info);
    }

    @Test
    void thePasswordServesOnce() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        assertEquals("success", Uem.client().getUserKeyPair(user, otp, "first").string("status"));
        assertFailure(Uem.client().getUserKeyPair(user, otp, "second"), "second", "authFailure");
    }

    @Test
    void repeatedReqIdGetsTheSameAnswerAndNoSecondCertificate() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        Reply first = Uem.client().getUserKeyPair(user, otp, "retry-1");
        Reply again = Uem.client(Uem.CUSTOM_PREFIX).getUserKeyPair(user, otp, "retry-1");
        assertEquals(first.body(), again.body());
        assertEquals(open(first, decryptionPassword(first)).leaf(), open(again, decryptionPassword(again)).leaf());
        // a replay needs the password it was made with
        assertFailure(Uem.client().getUserKeyPair(user, "WRONGPASS2", "retry-1"), "retry-1", "authFailure");
        assertFailure(Uem.client().getUserKeyPair(user, otp, "retry-2"), "retry-2", "authFailure");
    }

    @Test
    void reqIdUsedAgainWithANewPasswordGetsANewKeyPair() throws Exception {
        String user = Uem.newUser();
        Reply first = Uem.client().getUserKeyPair(user, Uem.otp(user), "reused");
        String otp = Uem.otp(user);
        Reply second = Uem.client().getUserKeyPair(user, otp, "reused");
        assertEquals("success", second.string("status"), second.toString());
        X509Certificate firstLeaf = open(first, decryptionPassword(first)).leaf();
        X509Certificate secondLeaf = open(second, decryptionPassword(second)).leaf();
        assertNotEquals(firstLeaf.getSerialNumber(), secondLeaf.getSerialNumber());
        assertNotEquals(firstLeaf.getPublicKey(), secondLeaf.getPublicKey());
        // the new answer is the one kept for a retry
        assertEquals(second.body(), Uem.client().getUserKeyPair(user, otp, "reused").body());
    }

    @Test
    void simultaneousRetriesGetOneCertificate() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        var one = CompletableFuture.supplyAsync(() -> Uem.client().getUserKeyPair(user, otp, "same"));
        var two = CompletableFuture.supplyAsync(() -> Uem.client().getUserKeyPair(user, otp, "same"));
        Reply a = one.get();
        Reply b = two.get();
        assertEquals("success", a.string("status"), a.toString());
        assertEquals(a.body(), b.body());
    }

    @Test
    void oneTimePasswordEncryptsWhenConfigured() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        properties.set("hermod.uem.p12-password", "otp");
        try {
            Reply reply = Uem.client().getUserKeyPair(user, otp, Uem.reqId());
            assertNull(reply.string("decryptionPassword"), reply.toString());
            Delivered delivered = open(reply, otp);
            assertKeyMatchesCertificate(delivered.key(), delivered.leaf());
        } finally {
            properties.clear("hermod.uem.p12-password");
        }
    }

    @Test
    void ecKeysWhenConfigured() throws Exception {
        String user = "jdoe-" + Uem.reqId();
        String otp = Uem.otp(user);
        properties.set("hermod.uem.key-algorithm", "EC-P256");
        try {
            Reply reply = Uem.client().getUserKeyPair(user, otp, Uem.reqId());
            Delivered delivered = open(reply, decryptionPassword(reply));
            assertTrue(delivered.key() instanceof ECPrivateKey);
            assertKeyMatchesCertificate(delivered.key(), delivered.leaf());
            delivered.leaf().verify(ca.certificate().getPublicKey());
            boolean[] usage = delivered.leaf().getKeyUsage();
            assertTrue(usage[0] && !usage[2], "digitalSignature only");
            // not an email address: no subject alternative name
            assertNull(delivered.leaf().getSubjectAlternativeNames());
            assertEquals("CN=" + user, delivered.leaf().getSubjectX500Principal().getName());
        } finally {
            properties.clear("hermod.uem.key-algorithm");
        }
    }

    @Test
    void rsa3072WhenConfigured() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        properties.set("hermod.uem.key-algorithm", "RSA-3072");
        try {
            Reply reply = Uem.client().getUserKeyPair(user, otp, Uem.reqId());
            Delivered delivered = open(reply, decryptionPassword(reply));
            assertEquals(3072, ((RSAPublicKey) delivered.leaf().getPublicKey()).getModulus().bitLength());
            assertKeyMatchesCertificate(delivered.key(), delivered.leaf());
        } finally {
            properties.clear("hermod.uem.key-algorithm");
        }
    }

    @Test
    void caFailureIsUnknownAndSparesThePassword() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        properties.set("hermod.uem.ca-key", "no-such-ca-key");
        try {
            assertFailure(Uem.client().getUserKeyPair(user, otp, "r-ca"), "r-ca", "unknown");
        } finally {
            properties.set("hermod.uem.ca-key", ca.label());
        }
        Reply reply = Uem.client().getUserKeyPair(user, otp, "r-ca");
        open(reply, decryptionPassword(reply)).leaf().verify(ca.certificate().getPublicKey());
    }

    @Test
    void badAlgSparesThePassword() throws Exception {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        properties.set("hermod.uem.key-algorithm", "DSA-1024");
        try {
            assertFailure(Uem.client().getUserKeyPair(user, otp, "r-alg"), "r-alg", "badAlg");
        } finally {
            properties.clear("hermod.uem.key-algorithm");
        }
        Reply reply = Uem.client().getUserKeyPair(user, otp, "r-alg");
        assertEquals("success", reply.string("status"), reply.toString());
    }

    @Test
    void unknownMessageTypeSparesThePassword() {
        String user = Uem.newUser();
        String otp = Uem.otp(user);
        assertFailure(Uem.client().post("getUserKeyPair", "{\"mType\":\"renewCert\",\"user\":\"" + user
                + "\",\"authToken\":\"" + otp + "\",\"reqId\":\"r-m\"}"), "r-m", "unknownRequest");
        assertEquals("success", Uem.client().getUserKeyPair(user, otp, "r-m").string("status"));
    }

    @Test
    void reissuedPasswordReplacesTheOldOne() {
        String user = Uem.newUser();
        String old = Uem.otp(user);
        String fresh = Uem.otp(user);
        assertFailure(Uem.client().getUserKeyPair(user, old, "r-old"), "r-old", "authFailure");
        assertEquals("success", Uem.client().getUserKeyPair(user, fresh, "r-new").string("status"));
    }
}
