package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

/** The same behaviour from both token implementations: the SoftHSM2 token and the software key store. */
class CryptoTokenContractTest {

    @TempDir
    Path dir;

    CryptoToken token;

    CryptoToken open(String kind) {
        token = "pkcs11".equals(kind) ? TestTokens.softHsm()
                : new SoftwareToken(dir.resolve("keys.p12"), "store-password".toCharArray());
        return token;
    }

    @AfterEach
    void close() {
        if (token != null) {
            token.close();
        }
    }

    static String label() {
        return "test-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void rsaKeySignsAndVerifiesWithItsPublicKey(String kind) throws Exception {
        CryptoToken token = open(kind);
        String label = label();
        PublicKey generated = token.generate(label, KeySpec.rsa(2048), false);
        assertEquals(2048, ((RSAPublicKey) generated).getModulus().bitLength());
        assertArrayEquals(generated.getEncoded(), token.publicKey(label).orElseThrow().getEncoded());
        byte[] data = "to be signed".getBytes(StandardCharsets.UTF_8);
        byte[] signature = token.sign(label, "SHA256withRSA", data);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(generated);
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void aesKeyEncryptsAndDecryptsInTheTokenAndRefusesATamperedTag(String kind) throws Exception {
        CryptoToken token = open(kind);
        String label = label();
        token.generateSecret(label, 256, false);
        assertTrue(token.publicKey(label).isEmpty());
        byte[] plain = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] iv = token.random(12);
        var gcm = new javax.crypto.spec.GCMParameterSpec(128, iv);
        byte[] aad = "header".getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = token.cipher(label, "AES/GCM/NoPadding", javax.crypto.Cipher.ENCRYPT_MODE, gcm, aad, plain);
        assertEquals(plain.length + 16, encrypted.length);
        assertArrayEquals(plain, token.cipher(label, "AES/GCM/NoPadding", javax.crypto.Cipher.DECRYPT_MODE, gcm, aad, encrypted));
        encrypted[0] ^= 1;
        assertThrows(DomainException.class,
                () -> token.cipher(label, "AES/GCM/NoPadding", javax.crypto.Cipher.DECRYPT_MODE, gcm, aad, encrypted));
        var cbc = new javax.crypto.spec.IvParameterSpec(token.random(16));
        byte[] padded = token.cipher(label, "AES/CBC/PKCS5Padding", javax.crypto.Cipher.ENCRYPT_MODE, cbc, null, plain);
        assertEquals(32, padded.length);
        assertArrayEquals(plain, token.cipher(label, "AES/CBC/PKCS5Padding", javax.crypto.Cipher.DECRYPT_MODE, cbc, null, padded));
        token.check();
        assertTrue(token.delete(label));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void rsaPrivateKeyDecryptsAndAppliesTheRawOperation(String kind) throws Exception {
        CryptoToken token = open(kind);
        String label = label();
        RSAPublicKey publicKey = (RSAPublicKey) token.generate(label, KeySpec.rsa(2048), false);
        javax.crypto.Cipher encrypt = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
        encrypt.init(javax.crypto.Cipher.ENCRYPT_MODE, publicKey);
        byte[] secret = "a secret".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(secret, token.cipher(label, "RSA/ECB/PKCS1Padding", javax.crypto.Cipher.DECRYPT_MODE, null, null,
                encrypt.doFinal(secret)));
        byte[] block = new byte[256];
        block[255] = 42;
        byte[] raised = token.cipher(label, "RSA/ECB/NoPadding", javax.crypto.Cipher.ENCRYPT_MODE, null, null, block);
        assertEquals(java.math.BigInteger.valueOf(42),
                new java.math.BigInteger(1, raised).modPow(publicKey.getPublicExponent(), publicKey.getModulus()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void ecKeySignsWithDerEncodedEcdsa(String kind) throws Exception {
        CryptoToken token = open(kind);
        String label = label();
        PublicKey generated = token.generate(label, KeySpec.ec("1.3.132.0.34", null), false);
        assertEquals(384, ((ECPublicKey) generated).getParams().getCurve().getField().getFieldSize());
        byte[] data = "ec data".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA384withECDSA");
        verifier.initVerify(generated);
        verifier.update(data);
        assertTrue(verifier.verify(token.sign(label, "SHA384withECDSA", data)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void deletedKeyIsGoneAndSecondDeleteReportsIt(String kind) {
        CryptoToken token = open(kind);
        String label = label();
        token.generate(label, KeySpec.rsa(2048), false);
        assertTrue(token.delete(label));
        assertTrue(token.publicKey(label).isEmpty());
        assertFalse(token.delete(label));
        DomainException missing = assertThrows(DomainException.class, () -> token.sign(label, "SHA256withRSA", new byte[] {1}));
        assertEquals(ErrorCode.KEY_MATERIAL_MISSING, missing.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void sameLabelTwiceIsAConflict(String kind) {
        CryptoToken token = open(kind);
        String label = label();
        token.generate(label, KeySpec.rsa(2048), false);
        DomainException twice = assertThrows(DomainException.class, () -> token.generate(label, KeySpec.rsa(2048), false));
        assertEquals(409, twice.code().status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void unknownLabelHasNoPublicKey(String kind) {
        assertTrue(open(kind).publicKey(label()).isEmpty());
        token.check();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void aesKeysAreWrappedAndUnwrappedIntoTheSameKey(String kind) {
        CryptoToken token = open(kind);
        String kek = label();
        String rsa = label();
        String target = label();
        token.generateSecret(kek, 256, true);
        token.generate(rsa, KeySpec.rsa(2048), false);
        token.generateSecret(target, 192, true);
        byte[] block = "sixteen bytes!!!".getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = token.cipher(target, "AES/ECB/NoPadding", javax.crypto.Cipher.ENCRYPT_MODE, null, null, block);
        for (WrapMethod method : WrapMethod.values()) {
            if (method.wrapsPrivateKey()) {
                continue;
            }
            String wrapping = "RSA".equals(method.wrappingAlgorithm()) ? rsa : kek;
            byte[] wrapped = token.wrapKey(wrapping, target, method);
            assertEquals("RSA".equals(method.wrappingAlgorithm()) ? 256 : 32, wrapped.length, method.name());
            String copy = label();
            assertEquals(192, token.unwrapSecret(wrapping, wrapped, method, copy, true), method.name());
            assertArrayEquals(block, token.cipher(copy, "AES/ECB/NoPadding", javax.crypto.Cipher.DECRYPT_MODE, null, null,
                    encrypted), method.name());
        }
        byte[] damaged = token.wrapKey(kek, target, WrapMethod.AES_WRAP);
        damaged[0] ^= 1;
        String refused = label();
        DomainException e = assertThrows(DomainException.class,
                () -> token.unwrapSecret(kek, damaged, WrapMethod.AES_WRAP, refused, true));
        assertEquals(400, e.code().status());
        assertFalse(token.delete(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs11", "software"})
    void privateKeysAreWrappedAndUnwrappedIntoKeysThatSignForTheSamePublicKey(String kind) throws Exception {
        CryptoToken token = open(kind);
        String kek = label();
        token.generateSecret(kek, 256, true);
        for (KeySpec spec : new KeySpec[] {KeySpec.rsa(2048), KeySpec.ec("1.2.840.10045.3.1.7", null),
                KeySpec.ec("1.3.132.0.34", null), KeySpec.ec("1.3.132.0.35", null)}) {
            String original = label();
            PublicKey publicKey = token.generate(original, spec, true);
            for (WrapMethod method : WrapMethod.values()) {
                if (!method.wrappedAlgorithm().equals(spec.algorithm())) {
                    continue;
                }
                String what = spec.algorithm() + " " + spec.keySize() + " " + method;
                byte[] wrapped = token.wrapKey(kek, original, method);
                String copy = label();
                PublicKey unwrapped = token.unwrapPrivate(kek, wrapped, method, copy, false);
                assertArrayEquals(publicKey.getEncoded(), unwrapped.getEncoded(), what);
                assertArrayEquals(publicKey.getEncoded(), token.publicKey(copy).orElseThrow().getEncoded(), what);
                if ("pkcs11".equals(kind)) {
                    // The software key store holds every key in memory and cannot refuse to hand one out.
                    assertFalse(token.privateKeyExtractable(copy), what);
                }
                byte[] data = what.getBytes(StandardCharsets.UTF_8);
                String algorithm = spec.defaultSignatureAlgorithm();
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(publicKey);
                verifier.update(data);
                assertTrue(verifier.verify(token.sign(copy, algorithm, data)), what);

                wrapped[wrapped.length - 1] ^= 1;
                String refused = label();
                DomainException e = assertThrows(DomainException.class, () -> token.unwrapPrivate(kek, wrapped, method, refused, false), what);
                assertEquals(ErrorCode.UNWRAP_FAILED, e.code(), what);
                assertFalse(token.delete(refused), what);
            }
        }
    }
}
