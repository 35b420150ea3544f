package org.ratatosk.keys.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.ratatosk.platform.ApiException;

/**
 * Approver public keys (base64 DER SubjectPublicKeyInfo) and their signatures: base64 of the
 * standard JCA encoding with SHA-256, PKCS#1 v1.5 for RSA and ASN.1 DER for ECDSA.
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
            throw ApiException.badRequest("INVALID_PUBLIC_KEY", "'" + field + "' is not a base64 SubjectPublicKeyInfo of an RSA or EC key");
        }
    }

    /**
     * The approver's key from a call: {@code approverPublicKey}, or TSB's {@code approverCertificate}
     * (PEM or base64 DER X.509), whose public key is the approver's.
     */
    public static String ofApprover(jakarta.json.JsonObject body) {
        if (!body.containsKey("approverPublicKey") && body.containsKey("approverCertificate")) {
            String certificate = org.ratatosk.platform.JsonBodies.requireString(body, "approverCertificate");
            try {
                String der = certificate.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
                java.security.cert.Certificate parsed = java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(der)));
                return canonical(Base64.getEncoder().encodeToString(parsed.getPublicKey().getEncoded()), "approverCertificate");
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw ApiException.badRequest("INVALID_CERTIFICATE", "'approverCertificate' is not a PEM or base64 DER X.509 certificate");
            }
        }
        return canonical(org.ratatosk.platform.JsonBodies.requireString(body, "approverPublicKey"), "approverPublicKey");
    }

    public static PublicKey decode(byte[] der) throws GeneralSecurityException {
        String algorithm;
        try {
            String oid = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId();
            algorithm = switch (oid) {
                case "1.2.840.113549.1.1.1" -> "RSA";
                case "1.2.840.10045.2.1" -> "EC";
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
        try {
            PublicKey key = decode(Base64.getDecoder().decode(canonicalKey));
            byte[] signature = Base64.getMimeDecoder().decode(signatureBase64.trim());
            Signature verifier = Signature.getInstance("RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
