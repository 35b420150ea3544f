package org.ratatosk.signing.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.ratatosk.platform.Hashes;

/**
 * What identifies an accepted signature across answers: SHA-256 of its value, read as numbers so
 * that another spelling of the same signature is the same fingerprint. ECDSA's (r, s) and
 * (r, n - s) both verify, so s is taken as the smaller of the two.
 */
public final class SignatureFingerprint {

    private SignatureFingerprint() {
    }

    /** A JWS signature: RSA's integer, or ECDSA's r and s side by side (RFC 7518 section 3.4). */
    static String ofJws(byte[] signature, PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int half = signature.length / 2;
            return ecdsa(new BigInteger(1, Arrays.copyOfRange(signature, 0, half)),
                    new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length)), ec);
        }
        return integer(signature);
    }

    /** A CMS SignerInfo signature: RSA's integer, or ECDSA's DER SEQUENCE of r and s. */
    static String ofCms(byte[] signature, PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
            return ecdsa(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(),
                    ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), ec);
        }
        return integer(signature);
    }

    private static String ecdsa(BigInteger r, BigInteger s, ECPublicKey key) {
        BigInteger order = key.getParams().getOrder();
        BigInteger lowS = s.min(order.subtract(s).mod(order));
        return hash("ecdsa:" + r.toString(16) + ":" + lowS.toString(16));
    }

    private static String integer(byte[] signature) {
        return hash("int:" + new BigInteger(1, signature).toString(16));
    }

    private static String hash(String canonical) {
        return HexFormat.of().formatHex(Hashes.sha256(canonical.getBytes(StandardCharsets.US_ASCII)));
    }
}
