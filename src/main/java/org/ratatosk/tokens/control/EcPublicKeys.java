package org.ratatosk.tokens.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * The public half of an EC private key. A private key unwrapped into a token comes without its
 * public point and its scalar never leaves the token, so the point is recovered from signatures the
 * token makes: each ECDSA signature (r, s) over e admits the points r⁻¹(sR − eG) for the two points
 * R with x = r, and the key's point is the one every signature admits.
 */
final class EcPublicKeys {

    @FunctionalInterface
    interface DigestSigner {
        /** A DER ECDSA signature over the digest (NONEwithECDSA). */
        byte[] sign(byte[] digest) throws GeneralSecurityException;
    }

    private EcPublicKeys() {
    }

    /** The public key of the curve's point {@code d·G}, for a private key whose scalar is at hand. */
    static PublicKey of(ECPrivateKey key, String curveOid) throws GeneralSecurityException {
        X9ECParameters curve = curve(curveOid);
        return publicKey(curveOid, curve.getG().multiply(key.getS()).normalize());
    }

    /** The public key recovered from signatures of the private key on the curve {@code curveOid}. */
    static PublicKey recover(String curveOid, DigestSigner signer) throws GeneralSecurityException {
        X9ECParameters curve = curve(curveOid);
        BigInteger n = curve.getN();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Map<String, ECPoint> candidates = null;
        for (int round = 0; round < 4 && (candidates == null || candidates.size() > 1); round++) {
            byte[] digest = sha256.digest(("public key recovery " + round).getBytes(StandardCharsets.US_ASCII));
            ASN1Sequence signature = ASN1Sequence.getInstance(signer.sign(digest));
            BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getPositiveValue();
            BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getPositiveValue();
            BigInteger e = new BigInteger(1, digest);
            if (n.bitLength() < digest.length * 8) {
                e = e.shiftRight(digest.length * 8 - n.bitLength());
            }
            Map<String, ECPoint> admitted = new HashMap<>();
            // R's x is r (x = r + n is possible only with a probability of about 2^-128).
            byte[] x = org.bouncycastle.util.BigIntegers.asUnsignedByteArray((curve.getCurve().getFieldSize() + 7) / 8, r);
            for (byte prefix : new byte[] {2, 3}) {
                ECPoint rPoint;
                try {
                    byte[] encoded = new byte[x.length + 1];
                    encoded[0] = prefix;
                    System.arraycopy(x, 0, encoded, 1, x.length);
                    rPoint = curve.getCurve().decodePoint(encoded);
                } catch (IllegalArgumentException notOnCurve) {
                    continue;
                }
                ECPoint q = rPoint.multiply(s).subtract(curve.getG().multiply(e)).multiply(r.modInverse(n)).normalize();
                admitted.put(Hex.toHexString(q.getEncoded(false)), q);
            }
            if (candidates == null) {
                candidates = admitted;
            } else {
                candidates.keySet().retainAll(admitted.keySet());
            }
        }
        if (candidates == null || candidates.size() != 1) {
            throw new GeneralSecurityException("The token's signatures admit no single public key");
        }
        return publicKey(curveOid, candidates.values().iterator().next());
    }

    private static X9ECParameters curve(String curveOid) throws GeneralSecurityException {
        X9ECParameters curve = ECNamedCurveTable.getByOID(new ASN1ObjectIdentifier(curveOid));
        if (curve == null) {
            throw new GeneralSecurityException("Unknown curve " + curveOid);
        }
        return curve;
    }

    private static PublicKey publicKey(String curveOid, ECPoint point) throws GeneralSecurityException {
        try {
            SubjectPublicKeyInfo info = new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, new ASN1ObjectIdentifier(curveOid)),
                    point.getEncoded(false));
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
