package org.ratatosk.tokens.control;

import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
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

    /** Generates an AES key of {@code bits} under a new label. */
    void generateSecret(String label, int bits, boolean extractable);

    /**
     * Signs with a JCA algorithm and its parameters, e.g. {@code NONEwithRSA} (PKCS#1 v1.5 over a
     * DigestInfo) or {@code NONEwithECDSA} (over a digest).
     */
    byte[] sign(String label, String algorithm, AlgorithmParameterSpec parameters, byte[] data);

    /**
     * ECDSA whose nonce is derived from the private key and the digest (RFC 6979, HMAC with
     * {@code digest}) over {@code digestValue}, DER encoded. A token that keeps the private scalar
     * to itself cannot derive the nonce and refuses with a 400 (see {@link #signsDeterministicEcdsa}).
     */
    byte[] signDeterministicEcdsa(String label, String digest, byte[] digestValue);

    /** Whether {@link #signDeterministicEcdsa} works with this token's keys. */
    boolean signsDeterministicEcdsa();

    /**
     * Runs a JCA cipher with the label's private key (decryption) or secret key (either mode);
     * {@code aad} is the additional data of an AEAD mode, or null.
     */
    byte[] cipher(String label, String transformation, int mode, AlgorithmParameterSpec parameters, byte[] aad, byte[] data);

    /**
     * Wraps the AES key, or for a method that wraps private keys the private key, {@code label} with
     * the key {@code wrappingLabel} (its AES key, or the public key of its RSA key pair) by {@code method}.
     */
    byte[] wrapKey(String wrappingLabel, String label, WrapMethod method);

    /**
     * Unwraps an AES key with the key {@code unwrappingLabel} (its AES key, or its RSA private key)
     * into a new key {@code label} and returns its length in bits; nothing is stored when the
     * wrapped bytes are refused.
     */
    int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable);

    /**
     * Unwraps an RSA or EC private key (PKCS#8, by a method that wraps private keys) with the AES key
     * {@code unwrappingLabel} into a new key pair {@code label} and returns its public key; nothing is
     * stored when the wrapped bytes are refused.
     */
    PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable);

    /** Random bytes from the token's generator. */
    byte[] random(int length);

    /** Throws when the token cannot be used right now. */
    void check();

    @Override
    void close();
}
