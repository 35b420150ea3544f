package org.ratatosk.tokens.control;

import java.io.IOException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * ECDSA with the nonce derived from the private scalar and the digest by HMAC-DRBG (RFC 6979), so
 * the same key and digest always give the same signature. The derivation needs the scalar itself,
 * which only the software key store holds; an HSM's ECDSA draws its nonce inside the token.
 */
public final class DeterministicEcdsa {

    private DeterministicEcdsa() {
    }

    /** The answer of a token whose private keys never leave it: its ECDSA draws the nonce itself. */
    public static InvalidInput refusedByHsm() {
        return new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, "Signature algorithm "
                + "'SHA256_WITH_ECDSA_DETERMINISTIC' is not supported with keys in the HSM: RFC 6979 derives the nonce "
                + "from the private key, which does not leave the HSM");
    }

    /** Signs {@code digestValue}, the {@code digest} hash of the message, and answers DER SEQUENCE{r, s}. */
    static byte[] sign(ECPrivateKey key, String digest, byte[] digestValue) {
        AsymmetricKeyParameter parameters;
        try {
            parameters = ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Not a usable EC private key", e);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(SignatureScheme.bcDigest(digest)));
        signer.init(true, parameters);
        BigInteger[] rs = signer.generateSignature(digestValue);
        ASN1EncodableVector values = new ASN1EncodableVector();
        values.add(new ASN1Integer(rs[0]));
        values.add(new ASN1Integer(rs[1]));
        try {
            return new DERSequence(values).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
