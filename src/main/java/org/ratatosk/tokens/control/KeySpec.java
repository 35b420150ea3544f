package org.ratatosk.tokens.control;

import java.math.BigInteger;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Map;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/** The algorithm and size of a key to generate: RSA with a size, or EC on a named curve. */
public record KeySpec(String algorithm, int keySize, String curveOid) {

    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "secp256r1",
            "1.3.132.0.34", "secp384r1",
            "1.3.132.0.35", "secp521r1");
    private static final Map<String, Integer> CURVE_SIZES = Map.of(
            "1.2.840.10045.3.1.7", 256, "1.3.132.0.34", 384, "1.3.132.0.35", 521);
    private static final Map<Integer, String> CURVE_BY_SIZE = Map.of(
            256, "1.2.840.10045.3.1.7", 384, "1.3.132.0.34", 521, "1.3.132.0.35");

    public static KeySpec rsa(int keySize) {
        if (keySize != 2048 && keySize != 3072 && keySize != 4096) {
            throw new InvalidInput(ErrorCode.INVALID_KEY_SIZE, "RSA keySize must be 2048, 3072 or 4096");
        }
        return new KeySpec("RSA", keySize, null);
    }

    public static KeySpec aes(int keySize) {
        if (keySize != 128 && keySize != 192 && keySize != 256) {
            throw new InvalidInput(ErrorCode.INVALID_KEY_SIZE, "AES keySize must be 128, 192 or 256");
        }
        return new KeySpec("AES", keySize, null);
    }

    public boolean secret() {
        return "AES".equals(algorithm);
    }

    /** The OID of the key's algorithm, as TSB shows it in {@code algorithmOid}. */
    public String algorithmOid() {
        return switch (algorithm) {
            case "EC" -> "1.2.840.10045.2.1";
            case "AES" -> "2.16.840.1.101.3.4.1";
            default -> "1.2.840.113549.1.1.1";
        };
    }

    /** An EC key on the curve given by OID, or by size when no OID is given. */
    public static KeySpec ec(String curveOid, Integer keySize) {
        String oid = curveOid;
        if (oid == null && keySize != null) {
            oid = CURVE_BY_SIZE.get(keySize);
        }
        if (oid == null) {
            oid = "1.2.840.10045.3.1.7";
        }
        if (!CURVES.containsKey(oid)) {
            throw new InvalidInput(ErrorCode.INVALID_CURVE, "curveOid must be one of " + CURVES.keySet());
        }
        return new KeySpec("EC", CURVE_SIZES.get(oid), oid);
    }

    public AlgorithmParameterSpec parameters() {
        return "EC".equals(algorithm) ? new ECGenParameterSpec(CURVES.get(curveOid))
                : new RSAKeyGenParameterSpec(keySize, BigInteger.valueOf(65537));
    }

    /** The signature algorithm a key of this kind uses unless told otherwise. */
    public String defaultSignatureAlgorithm() {
        return "EC".equals(algorithm) ? (keySize > 384 ? "SHA512withECDSA" : keySize > 256 ? "SHA384withECDSA" : "SHA256withECDSA")
                : "SHA256withRSA";
    }
}
