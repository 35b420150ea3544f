package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ratatosk.devicesim.TestCa;

class Pkcs12FilesTest {

    static final TestCa CA = new TestCa();

    record Built(KeyPair keys, X509Certificate leaf, byte[] pkcs12) {
    }

    static Built build(KeyAlgorithm algorithm, String password) {
        KeyPair keys = algorithm.generate();
        X509Certificate leaf = CA.issue(keys.getPublic(), "CN=joe.foo@example.com");
        byte[] pkcs12 = Pkcs12Files.build(keys.getPrivate(), List.of(leaf, CA.certificate()), "joe.foo@example.com",
                Pkcs12Password.of(password));
        return new Built(keys, leaf, pkcs12);
    }

    static KeyStore load(byte[] pkcs12, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
        return store;
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void javaReadsKeyAndChainBack(KeyAlgorithm algorithm) throws Exception {
        Built built = build(algorithm, "s3cret-Passw0rd");
        KeyStore store = load(built.pkcs12(), "s3cret-Passw0rd");
        assertEquals(List.of("joe.foo@example.com"), java.util.Collections.list(store.aliases()));
        PrivateKey key = (PrivateKey) store.getKey("joe.foo@example.com", "s3cret-Passw0rd".toCharArray());
        assertArrayEquals(built.keys().getPrivate().getEncoded(), key.getEncoded());
        Certificate[] chain = store.getCertificateChain("joe.foo@example.com");
        assertEquals(2, chain.length);
        assertEquals(built.leaf(), chain[0]);
        assertEquals(CA.certificate(), chain[1]);
        String algorithmName = algorithm.rsa() ? "SHA256withRSA" : "SHA256withECDSA";
        Signature signer = Signature.getInstance(algorithmName);
        signer.initSign(key);
        signer.update("proof".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance(algorithmName);
        verifier.initVerify(chain[0].getPublicKey());
        verifier.update("proof".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void wrongPasswordDoesNotOpen() {
        Built built = build(KeyAlgorithm.EC_P256, "right-password");
        assertThrows(IOException.class, () -> load(built.pkcs12(), "wrong-password"));
    }

    @Test
    void eachFileHasItsOwnSalts() {
        Built one = build(KeyAlgorithm.EC_P256, "same");
        byte[] again = Pkcs12Files.build(one.keys().getPrivate(), List.of(one.leaf(), CA.certificate()), "x", Pkcs12Password.of("same"));
        assertTrue(!java.util.Arrays.equals(one.pkcs12(), again));
    }

    @Test
    void bothBagsShareTheSaltButNotTheIv() throws Exception {
        Built built = build(KeyAlgorithm.EC_P256, "Pa55-word");
        List<PBES2Parameters> schemes = new ArrayList<>();
        for (ContentInfo info : new PKCS12PfxPdu(built.pkcs12()).getContentInfos()) {
            AlgorithmIdentifier algorithm = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                    ? EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm()
                    : ((PKCS8EncryptedPrivateKeyInfo) new PKCS12SafeBagFactory(info).getSafeBags()[0].getBagValue())
                            .toASN1Structure().getEncryptionAlgorithm();
            schemes.add(PBES2Parameters.getInstance(algorithm.getParameters()));
        }
        assertEquals(2, schemes.size());
        byte[][] salts = schemes.stream().map(p -> PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters()).getSalt())
                .toArray(byte[][]::new);
        byte[][] ivs = schemes.stream().map(p -> ASN1OctetString.getInstance(p.getEncryptionScheme().getParameters()).getOctets())
                .toArray(byte[][]::new);
        assertEquals(16, salts[0].length);
        assertArrayEquals(salts[0], salts[1]);
        assertEquals(16, ivs[0].length);
        assertFalse(Arrays.equals(ivs[0], ivs[1]));
    }

    @Test
    void opensslReportsPbes2WithAes256AndSha256() throws Exception {
        Built built = build(KeyAlgorithm.RSA_2048, "Pa55-word");
        String info = OpenSsl.pkcs12Info(built.pkcs12(), "Pa55-word");
        assertTrue(info.contains("MAC: sha256, Iteration 2048"), info);
        assertEquals(2, count(info, "PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256"), info);
        assertTrue(info.contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(info.contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC"), info);
        assertTrue(info.contains("friendlyName: joe.foo@example.com"), info);
        assertTrue(info.contains("BEGIN PRIVATE KEY"), info);
    }

    @Test
    void opensslRefusesTheWrongPassword() throws Exception {
        Built built = build(KeyAlgorithm.EC_P256, "Pa55-word");
        assertThrows(IllegalStateException.class, () -> OpenSsl.pkcs12Info(built.pkcs12(), "not-it"));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
