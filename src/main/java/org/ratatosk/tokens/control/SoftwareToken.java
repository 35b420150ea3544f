package org.ratatosk.tokens.control;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ratatosk.platform.Causes;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * The embedded default when no HSM is configured: a PKCS#12 key store file, encrypted with a
 * password kept in a file beside it that only the server's user can read. Private keys are in
 * memory while the server runs, so "extractable" cannot be enforced here; use an HSM for that.
 */
public final class SoftwareToken implements CryptoToken {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final KeyStoreFile file;
    private final char[] password;
    private final KeyStore store;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    private final Map<String, javax.crypto.SecretKey> secrets = new ConcurrentHashMap<>();

    public SoftwareToken(Path file, char[] password) {
        this.password = password.clone();
        this.file = new KeyStoreFile(file, this.password);
        this.store = this.file.store();
    }

    @Override
    public String kind() {
        return "software";
    }

    @Override
    public synchronized PublicKey generate(String label, KeySpec spec, boolean extractable) {
        try {
            requireNew(label);
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm());
            generator.initialize(spec.parameters());
            KeyPair pair = generator.generateKeyPair();
            Certificate placeholder = PlaceholderCertificate.create(label, pair.getPublic(), pair.getPrivate(), null,
                    spec.defaultSignatureAlgorithm());
            store.setKeyEntry(label, pair.getPrivate(), password, new Certificate[] {placeholder});
            file.save();
            keys.put(label, pair.getPrivate());
            return pair.getPublic();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot generate key '" + label + "' in the software key store", e);
        }
    }

    @Override
    public synchronized void generateSecret(String label, int bits, boolean extractable) {
        try {
            requireNew(label);
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
            generator.init(bits);
            javax.crypto.SecretKey key = generator.generateKey();
            store.setEntry(label, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            file.save();
            secrets.put(label, key);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot generate key '" + label + "' in the software key store", e);
        }
    }

    @Override
    public byte[] sign(String label, String algorithm, java.security.spec.AlgorithmParameterSpec parameters, byte[] data) {
        PrivateKey key = keys.computeIfAbsent(label, this::load);
        try {
            Signature signature = Signature.getInstance(algorithm);
            if (parameters != null) {
                signature.setParameter(parameters);
            }
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with key '" + label + "'", e);
        }
    }

    @Override
    public byte[] cipher(String label, String transformation, int mode, java.security.spec.AlgorithmParameterSpec parameters,
                         byte[] aad, byte[] data) {
        java.security.Key key = secret(label).map(java.security.Key.class::cast)
                .orElseGet(() -> keys.computeIfAbsent(label, this::load));
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(transformation);
            cipher.init(mode, key, parameters);
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(data);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data cannot be " + (mode == javax.crypto.Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted") + " with key '" + label + "': " + Causes.reason(e));
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.INVALID_CIPHER_INPUT, "Key '" + label + "' cannot run " + transformation + ": " + Causes.reason(e));
        }
    }

    @Override
    public byte[] wrapKey(String wrappingLabel, String label, WrapMethod method) {
        java.security.Key key = method.wrapsPrivateKey()
                ? keys.computeIfAbsent(label, this::load)
                : requireSecret(label);
        java.security.Key wrapping = "RSA".equals(method.wrappingAlgorithm())
                ? publicKey(wrappingLabel).orElseThrow(() ->
                        new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no key pair '" + wrappingLabel + "'"))
                : requireSecret(wrappingLabel);
        try {
            return SoftwareKeyWrap.wrap(wrapping, key, method);
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.WRAP_FAILED, "Key '" + label + "' cannot be wrapped with key '"
                    + wrappingLabel + "' by " + method + ": " + Causes.reason(e));
        }
    }

    @Override
    public synchronized int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        java.security.Key unwrapping = "RSA".equals(method.wrappingAlgorithm())
                ? keys.computeIfAbsent(unwrappingLabel, this::load)
                : requireSecret(unwrappingLabel);
        javax.crypto.SecretKey key;
        try {
            key = SoftwareKeyWrap.unwrapSecret(unwrapping, wrapped, method);
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                    + unwrappingLabel + "' by " + method + ": " + Causes.reason(e));
        }
        int bits = key.getEncoded().length * 8;
        if (bits != 128 && bits != 192 && bits != 256) {
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key is " + bits + " bits long, not an AES key");
        }
        try {
            requireNew(label);
            store.setEntry(label, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            file.save();
            secrets.put(label, key);
            return bits;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot store key '" + label + "' in the software key store", e);
        }
    }

    @Override
    public synchronized PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label,
                                                boolean extractable) {
        javax.crypto.SecretKey unwrapping = requireSecret(unwrappingLabel);
        PrivateKey key;
        PublicHalf half;
        try {
            key = SoftwareKeyWrap.unwrapPrivate(unwrapping, wrapped, method);
            half = SoftwareKeyWrap.publicHalf(key);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof DomainException api && api.code() != ErrorCode.INVALID_KEY_SIZE && api.code() != ErrorCode.INVALID_CURVE) {
                throw api;
            }
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                    + unwrappingLabel + "' by " + method + ": " + Causes.reason(e));
        }
        try {
            requireNew(label);
            store.setKeyEntry(label, key, password, new Certificate[] {half.placeholder(label, key, null)});
            file.save();
            keys.put(label, key);
            return half.key();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot store key '" + label + "' in the software key store", e);
        }
    }

    private void requireNew(String label) throws java.security.KeyStoreException {
        if (store.containsAlias(label)) {
            throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the token");
        }
    }

    private javax.crypto.SecretKey requireSecret(String label) {
        return secret(label).orElseThrow(() ->
                new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no AES key '" + label + "'"));
    }

    private synchronized Optional<javax.crypto.SecretKey> secret(String label) {
        javax.crypto.SecretKey cached = secrets.get(label);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            if (!store.entryInstanceOf(label, KeyStore.SecretKeyEntry.class)) {
                return Optional.empty();
            }
            javax.crypto.SecretKey key = (javax.crypto.SecretKey) store.getKey(label, password);
            secrets.put(label, key);
            return Optional.of(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized Optional<PublicKey> publicKey(String label) {
        try {
            Certificate certificate = store.getCertificate(label);
            return Optional.ofNullable(certificate).map(Certificate::getPublicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] sign(String label, String algorithm, byte[] data) {
        return sign(label, algorithm, null, data);
    }

    @Override
    public byte[] signDeterministicEcdsa(String label, String digest, byte[] digestValue) {
        if (!(keys.computeIfAbsent(label, this::load) instanceof java.security.interfaces.ECPrivateKey key)) {
            throw new InvalidInput(ErrorCode.UNSUPPORTED_SIGNATURE_ALGORITHM, "Key '" + label + "' is not an EC key");
        }
        return DeterministicEcdsa.sign(key, digest, digestValue);
    }

    @Override
    public boolean signsDeterministicEcdsa() {
        return true;
    }

    private synchronized PrivateKey load(String label) {
        try {
            PrivateKey key = (PrivateKey) store.getKey(label, password);
            if (key == null) {
                throw new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no private key '" + label + "'");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean privateKeyExtractable(String label) {
        return true;
    }

    @Override
    public synchronized boolean delete(String label) {
        try {
            keys.remove(label);
            secrets.remove(label);
            if (!store.containsAlias(label)) {
                return false;
            }
            store.deleteEntry(label);
            file.save();
            return true;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot delete key '" + label + "'", e);
        }
    }

    @Override
    public byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void check() {
        if (!file.readable()) {
            throw new IllegalStateException("Software key store " + file + " is not readable");
        }
    }

    @Override
    public void close() {
        keys.clear();
    }

}
