package org.ratatosk.keys.control;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Where private keys live: an HSM behind PKCS#11 or, without one, a software key store file.
 * Keys are referenced by label; private key material is only ever used through {@link #sign}.
 * Implementations throw {@link org.ratatosk.platform.HsmUnavailableException} when the token
 * cannot be reached, and recover by themselves once it is back.
 */
public interface CryptoToken extends AutoCloseable {

    /** "pkcs11" or "software", as shown in health and key listings. */
    String kind();

    /** Generates a key pair under a new label and returns its public key. */
    PublicKey generate(String label, KeySpec spec, boolean extractable);

    Optional<PublicKey> publicKey(String label);

    /** Signs with the private key of the label, with a JCA signature algorithm such as SHA256withRSA. */
    byte[] sign(String label, String algorithm, byte[] data);

    /** Whether the private key could be exported in the clear; false for sensitive, non-extractable HSM keys. */
    boolean privateKeyExtractable(String label);

    /** Removes the key pair; true when it existed. */
    boolean delete(String label);

    /** Throws when the token cannot be used right now. */
    void check();

    @Override
    void close();
}
