package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

/**
 * SHA256_WITH_ECDSA_DETERMINISTIC against RFC 6979's own vectors (A.2.5, P-256 with SHA-256): the
 * software key store signs them exactly; the HSM refuses, since the nonce derivation needs the
 * private key.
 */
class DeterministicEcdsaTest {

    static final BigInteger X = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
    static final BigInteger UX = new BigInteger("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6", 16);
    static final BigInteger UY = new BigInteger("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", 16);

    @TempDir
    Path dir;

    @Test
    void theSoftwareKeyStoreSignsRfc6979sVectors() throws Exception {
        SoftwareToken token = storeWithRfcKey("rfc6979");
        try {
            assertTrue(token.signsDeterministicEcdsa());
            SignatureScheme scheme = SignatureScheme.parse("SHA256_WITH_ECDSA_DETERMINISTIC");
            byte[] sample = token.signDeterministicEcdsa("rfc6979", scheme.digest(), scheme.digestOf(ascii("sample")));
            assertRs(sample, "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
                    "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
            byte[] test = token.signDeterministicEcdsa("rfc6979", scheme.digest(), scheme.digestOf(ascii("test")));
            assertRs(test, "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
                    "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083");
            assertArrayEquals(sample, token.signDeterministicEcdsa("rfc6979", "SHA-256", scheme.digestOf(ascii("sample"))));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(token.publicKey("rfc6979").orElseThrow());
            verifier.update(ascii("sample"));
            assertTrue(verifier.verify(sample));
        } finally {
            token.close();
        }
    }

    @Test
    void aGeneratedKeySignsTheSameDigestAlikeAndAnotherDigestOtherwise() throws Exception {
        SoftwareToken token = new SoftwareToken(dir.resolve("generated.p12"), "store-password".toCharArray());
        try {
            PublicKey publicKey = token.generate("ec", KeySpec.ec("1.3.132.0.34", null), false);
            byte[] digest = SignatureScheme.hash("SHA-256", ascii("payload"));
            byte[] first = token.signDeterministicEcdsa("ec", "SHA-256", digest);
            assertArrayEquals(first, token.signDeterministicEcdsa("ec", "SHA-256", digest));
            assertFalse(java.util.Arrays.equals(first,
                    token.signDeterministicEcdsa("ec", "SHA-256", SignatureScheme.hash("SHA-256", ascii("other")))));
            Signature verifier = Signature.getInstance("NONEwithECDSA");
            verifier.initVerify(publicKey);
            verifier.update(digest);
            assertTrue(verifier.verify(first));
        } finally {
            token.close();
        }
    }

    @Test
    void anRsaKeyIsRefused() {
        SoftwareToken token = new SoftwareToken(dir.resolve("rsa.p12"), "store-password".toCharArray());
        try {
            token.generate("rsa", KeySpec.rsa(2048), false);
            DomainException refused = assertThrows(DomainException.class,
                    () -> token.signDeterministicEcdsa("rsa", "SHA-256", new byte[32]));
            assertEquals(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, refused.code());
        } finally {
            token.close();
        }
    }

    @Test
    void theHsmRefusesWithA400() {
        CryptoToken token = TestTokens.softHsm();
        try {
            String label = "det-" + java.util.UUID.randomUUID();
            token.generate(label, KeySpec.ec("1.2.840.10045.3.1.7", null), false);
            assertFalse(token.signsDeterministicEcdsa());
            DomainException refused = assertThrows(DomainException.class,
                    () -> token.signDeterministicEcdsa(label, "SHA-256", new byte[32]));
            assertEquals(400, refused.code().status());
            assertEquals(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, refused.code());
            token.delete(label);
        } finally {
            token.close();
        }
    }

    /** A key store file holding RFC 6979's P-256 key, opened as the server opens its software key store. */
    private SoftwareToken storeWithRfcKey(String label) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(X, curve));
        PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(UX, UY), curve));
        char[] password = "store-password".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(label, privateKey, password, new Certificate[] {
            PlaceholderCertificate.create(label, publicKey, privateKey, null, "SHA256withECDSA")});
        Path file = dir.resolve("rfc6979.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return new SoftwareToken(file, password);
    }

    private static void assertRs(byte[] der, String r, String s) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        assertEquals(new BigInteger(r, 16), ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
        assertEquals(new BigInteger(s, 16), ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
