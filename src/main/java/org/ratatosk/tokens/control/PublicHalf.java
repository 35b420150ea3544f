package org.ratatosk.tokens.control;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;

/**
 * The public half of a private key that arrived wrapped, with the key's spec. A token keeps a
 * private key only beside a certificate of its public key, and an unwrapped key brings none, so
 * both tokens learn the half this way and prove it with a placeholder signed by the key.
 */
record PublicHalf(PublicKey key, KeySpec spec) {

    @FunctionalInterface
    interface Recovery {
        PublicKey publicKey() throws GeneralSecurityException;
    }

    static PublicHalf rsa(BigInteger modulus, BigInteger publicExponent) throws GeneralSecurityException {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, publicExponent));
        return new PublicHalf(key, KeySpec.rsa(modulus.bitLength()));
    }

    /** The curve is checked before the public point is recovered. */
    static PublicHalf ec(String curveOid, Recovery recovery) throws GeneralSecurityException {
        KeySpec spec = KeySpec.ec(curveOid, null);
        return new PublicHalf(recovery.publicKey(), spec);
    }

    /** The placeholder certificate of the pair; its signature, made by the private key, shows that the halves belong together. */
    X509Certificate placeholder(String label, PrivateKey privateKey, Provider provider) throws GeneralSecurityException {
        X509Certificate placeholder = PlaceholderCertificate.create(label, key, privateKey, provider, spec.defaultSignatureAlgorithm());
        placeholder.verify(key);
        return placeholder;
    }
}
