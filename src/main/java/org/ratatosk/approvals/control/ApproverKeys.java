package org.ratatosk.approvals.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * Approver public keys (base64 DER SubjectPublicKeyInfo) and their signatures: base64 of the
 * standard JCA encoding, PKCS#1 v1.5 for RSA, ASN.1 DER for ECDSA, raw for Ed25519, with the digest
 * the call names in TSB's {@code timestampDigestAlgorithm} or {@code approvalDigestAlgorithm}
 * (SHA-256 when it names none).
 */
public final class ApproverKeys {

    private ApproverKeys() {
    }

    /** The key re-encoded, so that the same key always compares equal whatever whitespace it came with. */
    public static String canonical(String base64, String field) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            PublicKey key = decode(der);
            return Base64.getEncoder().encodeToString(key.getEncoded());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.INVALID_PUBLIC_KEY, "'" + field + "' is not a base64 SubjectPublicKeyInfo of an RSA, EC or Ed25519 key");
        }
    }

    /**
     * The approver's key from a call: {@code approverPublicKey}, or TSB's {@code approverCertificate}
     * (PEM or base64 DER X.509), whose public key is the approver's. A certificate member is read
     * when no key is given, even as JSON null, which is then answered as a missing certificate.
     */
    public static String ofApprover(jakarta.json.JsonObject body) {
        if (Bodies.bind(body, ApprovalBodies.Approver.class).approverPublicKey() == null && body.containsKey("approverCertificate")) {
            return ofCertificate(Bodies.bind(body, ApprovalBodies.ByCertificate.class).approverCertificate(), "approverCertificate");
        }
        return canonical(Bodies.bind(body, ApprovalBodies.ByKey.class).approverPublicKey(), "approverPublicKey");
    }

    /** The canonical public key of a PEM or base64 DER X.509 certificate. */
    public static String ofCertificate(String certificate, String field) {
        try {
            String der = certificate.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
            java.security.cert.Certificate parsed = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(der)));
            return canonical(Base64.getEncoder().encodeToString(parsed.getPublicKey().getEncoded()), field);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.INVALID_CERTIFICATE, "'" + field + "' is not a PEM or base64 DER X.509 certificate");
        }
    }

    /** TSB's digest names, as JCA spells them in a signature algorithm. */
    private static final Map<String, String> DIGESTS = Map.of("SHA-224", "SHA224", "SHA-256", "SHA256",
            "SHA-384", "SHA384", "SHA-512", "SHA512", "SHA3-224", "SHA3-224", "SHA3-256", "SHA3-256",
            "SHA3-384", "SHA3-384", "SHA3-512", "SHA3-512");

    /** The digest a call names in {@code field}: SHA-256 when absent, EdDSA for Ed25519 keys (which hash on their own). */
    static String digest(String given, String field) {
        String named = given == null ? "SHA-256" : given;
        if (!DIGESTS.containsKey(named) && !"EdDSA".equals(named)) {
            throw InvalidInput.field("'" + field + "' must be one of " + new java.util.TreeSet<>(DIGESTS.keySet())
                    + " or EdDSA");
        }
        return named;
    }

    public static PublicKey decode(byte[] der) throws GeneralSecurityException {
        String algorithm;
        try {
            String oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId();
            algorithm = switch (oid) {
                case "1.2.840.113549.1.1.1" -> "RSA";
                case "1.2.840.10045.2.1" -> "EC";
                case "1.3.101.112" -> "Ed25519";
                default -> throw new GeneralSecurityException("Unsupported key algorithm " + oid);
            };
        } catch (RuntimeException e) {
            // BouncyCastle answers some garbage (an empty input) with a NullPointerException
            throw new GeneralSecurityException("Not a SubjectPublicKeyInfo", e);
        }
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    /** Whether {@code signatureBase64} is the key's SHA-256 signature over {@code data}. */
    public static boolean verifies(String canonicalKey, byte[] data, String signatureBase64) {
        return verifies(canonicalKey, data, signatureBase64, "SHA-256");
    }

    /** Whether {@code signatureBase64} is the key's signature over {@code data} with the named digest (Ed25519 needs none). */
    public static boolean verifies(String canonicalKey, byte[] data, String signatureBase64, String digest) {
        try {
            PublicKey key = decode(Base64.getDecoder().decode(canonicalKey));
            byte[] signature = Base64.getMimeDecoder().decode(signatureBase64.trim());
            String hash = DIGESTS.getOrDefault(digest, "SHA256");
            Signature verifier = Signature.getInstance(switch (key.getAlgorithm()) {
                case "RSA" -> hash + "withRSA";
                case "EC" -> hash + "withECDSA";
                default -> "Ed25519";
            });
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
