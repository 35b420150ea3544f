package org.ratatosk.keys.control;

import java.util.Locale;
import org.ratatosk.platform.ApiException;

/**
 * TSB's wrap methods this server offers: an AES key wrapped by an AES key (RFC 3394 key wrap, RFC
 * 5649 with padding) or by an RSA key (PKCS#1 v1.5). Methods that wrap private keys
 * ({@code AES_WRAP_RSA}, {@code AES_WRAP_EC}, ...) and {@code RSA_WRAP_OAEP} are refused.
 */
public enum WrapMethod {

    AES_WRAP("AES", Pkcs11KeyWrap.CKM_AES_KEY_WRAP, "AES/KW/NoPadding"),
    AES_WRAP_PAD("AES", Pkcs11KeyWrap.CKM_AES_KEY_WRAP_PAD, "AES/KWP/NoPadding"),
    RSA_WRAP_PAD("RSA", Pkcs11KeyWrap.CKM_RSA_PKCS, "RSA/ECB/PKCS1Padding");

    private final String wrappingAlgorithm;
    private final long pkcs11Mechanism;
    private final String transformation;

    WrapMethod(String wrappingAlgorithm, long pkcs11Mechanism, String transformation) {
        this.wrappingAlgorithm = wrappingAlgorithm;
        this.pkcs11Mechanism = pkcs11Mechanism;
        this.transformation = transformation;
    }

    /** The algorithm of the key that wraps and unwraps: AES or RSA. */
    public String wrappingAlgorithm() {
        return wrappingAlgorithm;
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
            throw ApiException.badRequest("UNSUPPORTED_WRAP_METHOD", "'" + name
                    + "' wraps a private key; this server wraps AES keys only (AES_WRAP, AES_WRAP_PAD, RSA_WRAP_PAD)");
        }
        throw ApiException.badRequest("UNSUPPORTED_WRAP_METHOD", "'wrapMethod' must be AES_WRAP, AES_WRAP_PAD or RSA_WRAP_PAD");
    }
}
