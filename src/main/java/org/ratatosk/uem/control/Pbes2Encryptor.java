package org.ratatosk.uem.control;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;

/**
 * PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC through the platform's JCA providers, whose
 * SHA-256 uses the CPU's instructions: about twice as fast as BouncyCastle's pure-Java digest,
 * and key derivation is most of the time a PKCS#12 takes to build.
 */
final class Pbes2Encryptor implements OutputEncryptor {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private final AlgorithmIdentifier algorithm;
    private final byte[] key;
    private final byte[] iv;

    /**
     * A key derived from the password under a fresh salt. Key derivation is the costly part, so the
     * contents of one file share it; each encryptor made from it has an IV of its own.
     */
    static final class PasswordKey {

        private final byte[] salt = new byte[16];
        private final int iterations;
        private final byte[] key;

        PasswordKey(char[] password, int iterations) {
            RANDOM.nextBytes(salt);
            this.iterations = iterations;
            try {
                key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2-HMAC-SHA256 is not available", e);
            }
        }

        Pbes2Encryptor encryptor() {
            return new Pbes2Encryptor(this);
        }
    }

    private Pbes2Encryptor(PasswordKey passwordKey) {
        iv = new byte[16];
        RANDOM.nextBytes(iv);
        key = passwordKey.key;
        KeyDerivationFunc kdf = new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(passwordKey.salt, passwordKey.iterations, HMAC_SHA256));
        EncryptionScheme scheme = new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv));
        algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf, scheme));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return new CipherOutputStream(out, cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }

    @Override
    public GenericKey getKey() {
        return new GenericKey(algorithm, key);
    }
}
