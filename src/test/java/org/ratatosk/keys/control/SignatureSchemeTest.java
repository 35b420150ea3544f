package org.ratatosk.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.ratatosk.platform.DomainException;
import org.ratatosk.tokens.control.SignatureScheme;

/** TSB's signature algorithm names, read as a digest and a raw signing primitive. */
class SignatureSchemeTest {

    static final byte[] MESSAGE = "go-client-test-payload".getBytes(StandardCharsets.UTF_8);

    @Test
    void namesAreReadAsDigestPaddingAndKeyType() {
        SignatureScheme pkcs1 = SignatureScheme.parse("SHA384_WITH_RSA");
        assertEquals("SHA-384", pkcs1.digest());
        assertEquals(SignatureScheme.Padding.PKCS1, pkcs1.padding());
        assertFalse(pkcs1.payloadIsDigest());
        SignatureScheme given = SignatureScheme.parse("NONESHA256_WITH_RSA_PSS");
        assertTrue(given.payloadIsDigest());
        assertEquals(SignatureScheme.Padding.PSS, given.padding());
        assertEquals("EC", SignatureScheme.parse("KECCAK256_WITH_ECDSA").keyAlgorithm());
        assertNull(SignatureScheme.parse("NONE_WITH_ECDSA").digest());
        assertThrows(DomainException.class, () -> SignatureScheme.parse("MD5_WITH_RSA"));
        assertThrows(DomainException.class, () -> SignatureScheme.parse("SHA3256_WITH_RSA"));
        SignatureScheme deterministic = SignatureScheme.parse("SHA256_WITH_ECDSA_DETERMINISTIC");
        assertEquals(SignatureScheme.Padding.ECDSA_DETERMINISTIC, deterministic.padding());
        assertEquals("SHA-256", deterministic.digest());
        assertEquals("EC", deterministic.keyAlgorithm());
        assertEquals("NONEwithECDSA", deterministic.tokenAlgorithm());
        assertThrows(DomainException.class, () -> SignatureScheme.parse("SHA384_WITH_ECDSA_DETERMINISTIC"));
        assertThrows(DomainException.class, () -> deterministic.requireFits("RSA"));
        assertThrows(DomainException.class, () -> SignatureScheme.parse("SHA256_WITH_RSA").requireFits("EC"));
    }

    @Test
    void digestsAreTheNamedOnes() throws Exception {
        assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(MESSAGE),
                SignatureScheme.parse("SHA3256_WITH_ECDSA").digestOf(MESSAGE));
        byte[] once = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(once),
                SignatureScheme.parse("DOUBLE_SHA256_WITH_ECDSA").digestOf(MESSAGE));
        // Keccak-256 of the empty string, as Ethereum uses it.
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Hex.toHexString(SignatureScheme.parse("KECCAK256_WITH_ECDSA").digestOf(new byte[0])));
        assertArrayEquals(once, SignatureScheme.parse("NONESHA256_WITH_RSA").digestOf(once));
        assertThrows(DomainException.class, () -> SignatureScheme.parse("NONESHA256_WITH_RSA").digestOf(MESSAGE));
        assertThrows(DomainException.class, () -> SignatureScheme.parse("NONE_WITH_RSA_PSS").digestOf(new byte[17]));
    }

    @Test
    void pkcs1OverTheDigestInfoIsTheJdksSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        SignatureScheme scheme = SignatureScheme.parse("SHA512_WITH_RSA");
        Signature raw = Signature.getInstance(scheme.tokenAlgorithm());
        raw.initSign(pair.getPrivate());
        raw.update(scheme.tokenInput(scheme.digestOf(MESSAGE)));
        byte[] signature = raw.sign();
        Signature jdk = Signature.getInstance("SHA512withRSA");
        jdk.initVerify(pair.getPublic());
        jdk.update(MESSAGE);
        assertTrue(jdk.verify(signature));
        assertTrue(Signatures.verifies(pair.getPublic(), scheme, scheme.digestOf(MESSAGE), signature));
        assertFalse(Signatures.verifies(pair.getPublic(), scheme, scheme.digestOf("other".getBytes()), signature));
    }

    @Test
    void ecdsaSignaturesConvertBetweenDerAndRaw() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        SignatureScheme scheme = SignatureScheme.parse("SHA256_WITH_ECDSA");
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        byte[] der = signer.sign();
        byte[] raw = Signatures.rawOf(der, 32);
        assertEquals(64, raw.length);
        assertArrayEquals(der, Signatures.derOf(raw, 32));
        assertArrayEquals(der, Signatures.derOf(der, 32));
        byte[] digest = scheme.digestOf(MESSAGE);
        assertTrue(Signatures.verifies(pair.getPublic(), scheme, digest, raw));
        assertTrue(Signatures.verifies(pair.getPublic(), scheme, digest, der));
        raw[5] ^= 1;
        assertFalse(Signatures.verifies(pair.getPublic(), scheme, digest, raw));
    }

    /** A raw digest must leave PKCS#1 v1.5 its eleven bytes of padding, and ECDSA takes at most 64 bytes. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "NONE_WITH_RSA, RSA, 245, true", "NONE_WITH_RSA, RSA, 246, false", "NONE_WITH_RSA, RSA, 1000, false",
            "NONE_WITH_ECDSA, EC, 64, true", "NONE_WITH_ECDSA, EC, 65, false", "NONESHA512_WITH_ECDSA, EC, 64, true",
            "NONESHA512_WITH_RSA, RSA, 64, true"})
    void aRawDigestMustFitTheKey(String name, String algorithm, int length, boolean fits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if ("EC".equals(algorithm)) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        java.security.PublicKey key = generator.generateKeyPair().getPublic();
        SignatureScheme scheme = SignatureScheme.parse(name);
        byte[] digest = scheme.digestOf(new byte[length]);
        if (fits) {
            scheme.requireRoom(digest, key);
        } else {
            DomainException refused = assertThrows(DomainException.class, () -> scheme.requireRoom(digest, key));
            assertEquals(400, refused.code().status());
            assertEquals("INVALID_PAYLOAD", refused.code().name());
            assertEquals("The payload of " + name + " is too long for this key: at most "
                    + ("RSA".equals(algorithm) ? 245 : 64) + " bytes", refused.getMessage());
        }
    }
}
