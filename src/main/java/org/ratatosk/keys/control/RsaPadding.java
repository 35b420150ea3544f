package org.ratatosk.keys.control;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.util.DigestFactory;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * TSB's RSA cipher algorithms as paddings the server applies itself: encryption needs only the
 * public key, and OAEP is removed here from the token's raw RSA result, since PKCS#11 providers
 * offer OAEP unevenly.
 */
final class RsaPadding {

    private RsaPadding() {
    }

    static byte[] encrypt(RSAPublicKey publicKey, String algorithm, byte[] payload) {
        try {
            Cipher cipher;
            switch (algorithm) {
                case "RSA", "RSA_PADDING_PKCS" -> {
                    cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey);
                }
                case "RSA_NO_PADDING" -> {
                    cipher = Cipher.getInstance("RSA/ECB/NoPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey);
                }
                default -> {
                    String digest = oaepDigest(algorithm);
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec(digest, "MGF1",
                            new MGF1ParameterSpec(digest), PSource.PSpecified.DEFAULT));
                }
            }
            return cipher.doFinal(payload);
        } catch (javax.crypto.IllegalBlockSizeException | javax.crypto.BadPaddingException e) {
            throw new InvalidInput(ErrorCode.INVALID_PAYLOAD, "The payload is too long for " + algorithm + " with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt with " + algorithm, e);
        }
    }

    /** The OAEP digest of a TSB cipher algorithm; MGF1 uses the same digest. */
    static String oaepDigest(String algorithm) {
        return switch (algorithm) {
            case "RSA_PADDING_OAEP", "RSA_PADDING_OAEP_WITH_SHA1" -> "SHA-1";
            case "RSA_PADDING_OAEP_WITH_SHA224" -> "SHA-224";
            case "RSA_PADDING_OAEP_WITH_SHA256" -> "SHA-256";
            case "RSA_PADDING_OAEP_WITH_SHA384" -> "SHA-384";
            case "RSA_PADDING_OAEP_WITH_SHA512" -> "SHA-512";
            default -> throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Cipher algorithm '" + algorithm
                    + "' is not supported for RSA keys");
        };
    }

    /** OAEP decoding of the token's raw RSA result, by BouncyCastle's OAEP over that one block. */
    static byte[] unpadOaep(byte[] raw, int modulusBits, String digest) {
        byte[] magnitude = new BigInteger(1, raw).toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] block = magnitude;
        AsymmetricBlockCipher decrypted = new AsymmetricBlockCipher() {
            @Override
            public void init(boolean forEncryption, CipherParameters parameters) {
            }

            @Override
            public int getInputBlockSize() {
                return (modulusBits + 7) / 8;
            }

            @Override
            public int getOutputBlockSize() {
                return (modulusBits - 1) / 8;
            }

            @Override
            public byte[] processBlock(byte[] in, int offset, int length) {
                return block;
            }
        };
        OAEPEncoding oaep = new OAEPEncoding(decrypted, digestOf(digest), digestOf(digest), null);
        oaep.init(false, null);
        try {
            return oaep.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException e) {
            throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data is not OAEP encrypted for this key with " + digest);
        }
    }

    private static org.bouncycastle.crypto.Digest digestOf(String name) {
        return switch (name) {
            case "SHA-1" -> DigestFactory.createSHA1();
            case "SHA-224" -> DigestFactory.createSHA224();
            case "SHA-256" -> DigestFactory.createSHA256();
            case "SHA-384" -> DigestFactory.createSHA384();
            default -> DigestFactory.createSHA512();
        };
    }
}
