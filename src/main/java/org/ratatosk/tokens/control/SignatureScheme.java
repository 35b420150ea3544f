package org.ratatosk.tokens.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * A TSB {@code signatureAlgorithm} (SHA256_WITH_RSA, NONESHA256_WITH_RSA_PSS, KECCAK256_WITH_ECDSA, ...)
 * as what the token is asked to do: the server hashes the payload itself (unless the payload is
 * already the digest) and the token signs the digest with the raw primitive, so every hash TSB
 * names works on every token.
 */
public record SignatureScheme(String name, String keyAlgorithm, Padding padding, String digest, boolean payloadIsDigest) {

    /** How the digest is signed; ECDSA_DETERMINISTIC derives the nonce from the key and the digest (RFC 6979). */
    public enum Padding {
        PKCS1, PSS, ECDSA, ECDSA_DETERMINISTIC, PKCS1_RAW
    }

    private static final Map<String, ASN1ObjectIdentifier> DIGEST_OIDS = Map.of(
            "SHA-1", OIWObjectIdentifiers.idSHA1,
            "SHA-224", NISTObjectIdentifiers.id_sha224,
            "SHA-256", NISTObjectIdentifiers.id_sha256,
            "SHA-384", NISTObjectIdentifiers.id_sha384,
            "SHA-512", NISTObjectIdentifiers.id_sha512);

    private static final Map<Integer, String> DIGEST_BY_LENGTH = Map.of(
            20, "SHA-1", 28, "SHA-224", 32, "SHA-256", 48, "SHA-384", 64, "SHA-512");

    public static SignatureScheme parse(String text) {
        String name = text == null ? "" : text.toUpperCase(Locale.ROOT);
        switch (name) {
            case "NONE_WITH_RSA":
                return new SignatureScheme(name, "RSA", Padding.PKCS1_RAW, null, true);
            case "NONE_WITH_RSA_PSS":
                return new SignatureScheme(name, "RSA", Padding.PSS, null, true);
            case "NONE_WITH_ECDSA":
                return new SignatureScheme(name, "EC", Padding.ECDSA, null, true);
            case "DOUBLE_SHA256_WITH_ECDSA":
                return new SignatureScheme(name, "EC", Padding.ECDSA, "DOUBLE-SHA-256", false);
            case "SHA256_WITH_ECDSA_DETERMINISTIC":
                return new SignatureScheme(name, "EC", Padding.ECDSA_DETERMINISTIC, "SHA-256", false);
            default:
                break;
        }
        String[] parts = name.split("_WITH_", 2);
        if (parts.length == 2) {
            boolean digestGiven = parts[0].startsWith("NONE");
            String digest = digestName(digestGiven ? parts[0].substring(4) : parts[0]);
            if (digest != null) {
                switch (parts[1]) {
                    case "RSA":
                        if (DIGEST_OIDS.containsKey(digest)) {
                            return new SignatureScheme(name, "RSA", Padding.PKCS1, digest, digestGiven);
                        }
                        break;
                    case "RSA_PSS":
                        if (DIGEST_OIDS.containsKey(digest)) {
                            return new SignatureScheme(name, "RSA", Padding.PSS, digest, digestGiven);
                        }
                        break;
                    case "ECDSA":
                        return new SignatureScheme(name, "EC", Padding.ECDSA, digest, digestGiven);
                    default:
                        break;
                }
            }
        }
        throw new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, "Signature algorithm '" + text
                + "' is not supported; RSA, RSA_PSS and ECDSA with SHA-1, SHA-2, SHA-3 or Keccak digests are");
    }

    private static String digestName(String text) {
        return switch (text) {
            case "SHA1" -> "SHA-1";
            case "SHA224" -> "SHA-224";
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            case "SHA3224" -> "SHA3-224";
            case "SHA3256" -> "SHA3-256";
            case "SHA3384" -> "SHA3-384";
            case "SHA3512" -> "SHA3-512";
            case "KECCAK224" -> "KECCAK-224";
            case "KECCAK256" -> "KECCAK-256";
            case "KECCAK384" -> "KECCAK-384";
            case "KECCAK512" -> "KECCAK-512";
            default -> null;
        };
    }

    /** Refuses a scheme that does not fit the key. */
    public void requireFits(String algorithm) {
        if (!keyAlgorithm.equals(algorithm)) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, "Signature algorithm '" + name
                    + "' does not fit a " + algorithm + " key");
        }
    }

    /** The digest the token signs: the payload hashed, or the payload itself when it is the digest. */
    public byte[] digestOf(byte[] payload) {
        if (payloadIsDigest) {
            String expected = digest != null ? digest : padding == Padding.PSS ? DIGEST_BY_LENGTH.get(payload.length) : null;
            if (padding == Padding.PSS && expected == null || digest != null && DIGEST_BY_LENGTH.containsValue(digest)
                    && payload.length != length(digest)) {
                throw new InvalidInput(ErrorCode.INVALID_PAYLOAD, "The payload of " + name + " must be a "
                        + (digest != null ? digest : "SHA-1 or SHA-2") + " digest");
            }
            return payload;
        }
        return hash(digest, payload);
    }

    /** The most bytes of digest an ECDSA primitive takes: a SHA-512 digest. */
    static final int MAX_ECDSA_INPUT = 64;

    /** PKCS#1 v1.5 puts at least eleven bytes of padding around what it signs. */
    static final int PKCS1_PADDING = 11;

    /**
     * Refuses a digest the key's raw primitive cannot sign: with PKCS#1 v1.5 the digest (in its
     * DigestInfo) and the padding must fit the modulus, and ECDSA takes at most a SHA-512 digest.
     * Only a digest given as the payload can be too long; a hash the server computes always fits.
     */
    public void requireRoom(byte[] digestValue, java.security.PublicKey key) {
        int room = Integer.MAX_VALUE;
        if (key instanceof java.security.interfaces.RSAPublicKey rsa && (padding == Padding.PKCS1 || padding == Padding.PKCS1_RAW)) {
            room = (rsa.getModulus().bitLength() + 7) / 8 - PKCS1_PADDING;
        } else if (padding == Padding.ECDSA || padding == Padding.ECDSA_DETERMINISTIC) {
            room = MAX_ECDSA_INPUT;
        }
        if (tokenInput(digestValue).length > room) {
            throw new InvalidInput(ErrorCode.INVALID_PAYLOAD, "The payload of " + name + " is too long for this key: at most "
                    + (padding == Padding.PKCS1 ? room + " bytes with its DigestInfo" : room + " bytes"));
        }
    }

    private static int length(String digest) {
        return DIGEST_BY_LENGTH.entrySet().stream().filter(e -> e.getValue().equals(digest)).findFirst().orElseThrow().getKey();
    }

    static byte[] hash(String digest, byte[] data) {
        if ("DOUBLE-SHA-256".equals(digest)) {
            return hash("SHA-256", hash("SHA-256", data));
        }
        if (digest.startsWith("KECCAK-")) {
            KeccakDigest keccak = new KeccakDigest(Integer.parseInt(digest.substring(7)));
            keccak.update(data, 0, data.length);
            byte[] out = new byte[keccak.getDigestSize()];
            keccak.doFinal(out, 0);
            return out;
        }
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static org.bouncycastle.crypto.Digest bcDigest(String name) {
        return switch (name) {
            case "SHA-1" -> org.bouncycastle.crypto.util.DigestFactory.createSHA1();
            case "SHA-224" -> org.bouncycastle.crypto.util.DigestFactory.createSHA224();
            case "SHA-256" -> org.bouncycastle.crypto.util.DigestFactory.createSHA256();
            case "SHA-384" -> org.bouncycastle.crypto.util.DigestFactory.createSHA384();
            default -> org.bouncycastle.crypto.util.DigestFactory.createSHA512();
        };
    }

    /** The JCA algorithm the token runs over {@link #tokenInput}. */
    public String tokenAlgorithm() {
        return switch (padding) {
            case PKCS1, PKCS1_RAW -> "NONEwithRSA";
            case PSS -> "RSASSA-PSS";
            case ECDSA, ECDSA_DETERMINISTIC -> "NONEwithECDSA";
        };
    }

    /** What the raw primitive signs: for PKCS#1 v1.5 the DigestInfo around the digest. */
    public byte[] tokenInput(byte[] digestValue) {
        if (padding != Padding.PKCS1) {
            return digestValue;
        }
        try {
            return new DigestInfo(new AlgorithmIdentifier(DIGEST_OIDS.get(digest), DERNull.INSTANCE), digestValue).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PSS parameters: MGF1 with the same digest, a salt as long as the digest. */
    public PSSParameterSpec pssParameters(byte[] digestValue) {
        if (padding != Padding.PSS) {
            return null;
        }
        String name = digest != null ? digest : DIGEST_BY_LENGTH.get(digestValue.length);
        return new PSSParameterSpec(name, "MGF1", new MGF1ParameterSpec(name), length(name), 1);
    }
}
