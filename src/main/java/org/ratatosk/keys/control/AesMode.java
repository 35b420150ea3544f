package org.ratatosk.keys.control;

import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * TSB's AES cipher algorithms; "AES" is CBC with PKCS#7 padding. The token runs the cipher, so a
 * mode is only the transformation it names and the IV it needs, checked before the token is asked.
 */
enum AesMode {
    GCM("AES/GCM/NoPadding", 12), CTR("AES/CTR/NoPadding", 16), ECB("AES/ECB/NoPadding", 0),
    CBC_NO_PADDING("AES/CBC/NoPadding", 16), CBC("AES/CBC/PKCS5Padding", 16);

    final String transformation;
    final int ivLength;

    AesMode(String transformation, int ivLength) {
        this.transformation = transformation;
        this.ivLength = ivLength;
    }

    static AesMode parse(String algorithm) {
        return switch (algorithm) {
            case "AES_GCM" -> GCM;
            case "AES_CTR" -> CTR;
            case "AES_ECB" -> ECB;
            case "AES_CBC_NO_PADDING" -> CBC_NO_PADDING;
            case "AES" -> CBC;
            default -> throw new InvalidInput(ErrorCode.UNSUPPORTED_CIPHER_ALGORITHM, "Cipher algorithm '" + algorithm
                    + "' is not supported for AES keys; AES_GCM, AES_CTR, AES_ECB, AES_CBC_NO_PADDING and AES are");
        };
    }

    AlgorithmParameterSpec parameters(byte[] iv, int tagBits) {
        if (ivLength == 0) {
            return null;
        }
        if (iv == null || iv.length != ivLength) {
            throw InvalidInput.field("'initializationVector' must be " + ivLength + " bytes");
        }
        return this == GCM ? new GCMParameterSpec(tagBits, iv) : new IvParameterSpec(iv);
    }
}
