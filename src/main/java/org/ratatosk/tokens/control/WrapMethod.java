package org.ratatosk.tokens.control;

import java.util.Locale;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * TSB's wrap methods this server offers: an AES key wrapped by an AES key (RFC 3394 key wrap, RFC
 * 5649 with padding) or by an RSA key (PKCS#1 v1.5, OAEP with SHA-1), and an RSA or EC private key
 * (PKCS#8) wrapped by an AES key. The methods for DSA, Ed25519 and BLS keys are refused, as this
 * server holds no such keys.
 */
public enum WrapMethod {

    AES_WRAP("AES", "AES", Pkcs11KeyWrap.CKM_AES_KEY_WRAP, "AES/KW/NoPadding"),
    AES_WRAP_PAD("AES", "AES", Pkcs11KeyWrap.CKM_AES_KEY_WRAP_PAD, "AES/KWP/NoPadding"),
    AES_WRAP_RSA("AES", "RSA", Pkcs11KeyWrap.CKM_AES_KEY_WRAP, "AES/KW/NoPadding"),
    AES_WRAP_EC("AES", "EC", Pkcs11KeyWrap.CKM_AES_KEY_WRAP, "AES/KW/NoPadding"),
    AES_WRAP_PAD_RSA("AES", "RSA", Pkcs11KeyWrap.CKM_AES_KEY_WRAP_PAD, "AES/KWP/NoPadding"),
    AES_WRAP_PAD_EC("AES", "EC", Pkcs11KeyWrap.CKM_AES_KEY_WRAP_PAD, "AES/KWP/NoPadding"),
    RSA_WRAP_PAD("RSA", "AES", Pkcs11KeyWrap.CKM_RSA_PKCS, "RSA/ECB/PKCS1Padding"),
    RSA_WRAP_OAEP("RSA", "AES", Pkcs11KeyWrap.CKM_RSA_PKCS_OAEP, "RSA/ECB/OAEPWithSHA-1AndMGF1Padding");

    private final String wrappingAlgorithm;
    private final String wrappedAlgorithm;
    private final long pkcs11Mechanism;
    private final String transformation;

    WrapMethod(String wrappingAlgorithm, String wrappedAlgorithm, long pkcs11Mechanism, String transformation) {
        this.wrappingAlgorithm = wrappingAlgorithm;
        this.wrappedAlgorithm = wrappedAlgorithm;
        this.pkcs11Mechanism = pkcs11Mechanism;
        this.transformation = transformation;
    }

    /** The algorithm of the key that wraps and unwraps: AES or RSA. */
    public String wrappingAlgorithm() {
        return wrappingAlgorithm;
    }

    /** The algorithm of the key that is wrapped: AES, or RSA or EC for a private key. */
    public String wrappedAlgorithm() {
        return wrappedAlgorithm;
    }

    /** Whether the wrapped key is a private key rather than an AES key. */
    public boolean wrapsPrivateKey() {
        return !"AES".equals(wrappedAlgorithm);
    }

    long pkcs11Mechanism() {
        return pkcs11Mechanism;
    }

    /** The JCA transformation of the software key store. */
    String transformation() {
        return transformation;
    }

    public static WrapMethod parse(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (WrapMethod method : values()) {
            if (method.name().equals(upper)) {
                return method;
            }
        }
        if (upper.startsWith("AES_WRAP_")) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_WRAP_METHOD, "'" + name
                    + "' wraps a key of an algorithm this server does not hold; it wraps AES, RSA and EC keys");
        }
        throw new InvalidInput(ErrorCode.UNSUPPORTED_WRAP_METHOD, "'wrapMethod' must be one of " + java.util.Arrays.toString(values()));
    }
}
