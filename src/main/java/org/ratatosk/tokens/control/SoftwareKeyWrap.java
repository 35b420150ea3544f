package org.ratatosk.tokens.control;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The software token's counterpart of {@link Pkcs11KeyWrap}: the same wrapped bytes as a PKCS#11
 * token makes and takes, with the JCA's ciphers. A private key travels as PKCS#8 padded with
 * zeros to a multiple of 8 bytes, as PKCS#11 tokens wrap it by RFC 3394.
 */
final class SoftwareKeyWrap {

    private SoftwareKeyWrap() {
    }

    static byte[] wrap(Key wrapping, Key key, WrapMethod method) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(method.transformation());
        if (method.wrapsPrivateKey()) {
            byte[] encoded = key.getEncoded();
            byte[] padded = Arrays.copyOf(encoded, (encoded.length + 7) / 8 * 8);
            cipher.init(Cipher.ENCRYPT_MODE, wrapping);
            try {
                return cipher.doFinal(padded);
            } finally {
                Arrays.fill(encoded, (byte) 0);
                Arrays.fill(padded, (byte) 0);
            }
        }
        cipher.init(Cipher.WRAP_MODE, wrapping);
        return cipher.wrap(key);
    }

    static SecretKey unwrapSecret(Key unwrapping, byte[] wrapped, WrapMethod method) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(method.transformation());
        cipher.init(Cipher.UNWRAP_MODE, unwrapping);
        return (SecretKey) cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    }

    static PrivateKey unwrapPrivate(SecretKey unwrapping, byte[] wrapped, WrapMethod method)
            throws GeneralSecurityException, IOException {
        Cipher cipher = Cipher.getInstance(method.transformation());
        cipher.init(Cipher.DECRYPT_MODE, unwrapping);
        byte[] padded = cipher.doFinal(wrapped);
        try (var in = new ASN1InputStream(padded)) {
            byte[] encoded = PrivateKeyInfo.getInstance(in.readObject()).getEncoded();
            PrivateKey key = KeyFactory.getInstance(method.wrappedAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            Arrays.fill(encoded, (byte) 0);
            return key;
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }

    /** The public half of an unwrapped key, which the software provider hands out with its parameters. */
    static PublicHalf publicHalf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return PublicHalf.rsa(rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPrivateKey ec) {
            String curveOid = PrivateKeyInfo.getInstance(ec.getEncoded()).getPrivateKeyAlgorithm().getParameters().toString();
            return PublicHalf.ec(curveOid, () -> EcPublicKeys.of(ec, curveOid));
        }
        throw new GeneralSecurityException("not an RSA key with CRT parameters or an EC key");
    }
}
