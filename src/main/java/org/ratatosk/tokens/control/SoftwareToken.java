package org.ratatosk.tokens.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(SoftwareToken.class.getName());

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path file;
    private final char[] password;
    private final KeyStore store;
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
    private final Map<String, javax.crypto.SecretKey> secrets = new ConcurrentHashMap<>();

    public SoftwareToken(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
        try {
            store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, this.password);
                }
            } else {
                store.load(null, null);
                Files.createDirectories(file.toAbsolutePath().getParent());
                save();
                LOG.info("Created software key store " + file + "; configure an HSM for production keys");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the software key store " + file, e);
        }
    }

    @Override
    public String kind() {
        return "software";
    }

    @Override
    public synchronized PublicKey generate(String label, KeySpec spec, boolean extractable) {
        try {
            if (store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the token");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm());
            generator.initialize(spec.parameters());
            KeyPair pair = generator.generateKeyPair();
            Certificate placeholder = PlaceholderCertificate.create(label, pair.getPublic(), pair.getPrivate(), null,
                    spec.defaultSignatureAlgorithm());
            store.setKeyEntry(label, pair.getPrivate(), password, new Certificate[] {placeholder});
            save();
            keys.put(label, pair.getPrivate());
            return pair.getPublic();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot generate key '" + label + "' in the software key store", e);
        }
    }

    @Override
    public synchronized void generateSecret(String label, int bits, boolean extractable) {
        try {
            if (store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the token");
            }
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
            generator.init(bits);
            javax.crypto.SecretKey key = generator.generateKey();
            store.setEntry(label, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            save();
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
                    ? "encrypted" : "decrypted") + " with key '" + label + "': " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.INVALID_CIPHER_INPUT, "Key '" + label + "' cannot run " + transformation + ": " + e.getMessage());
        }
    }

    @Override
    public byte[] wrapKey(String wrappingLabel, String label, WrapMethod method) {
        java.security.Key key = method.wrapsPrivateKey()
                ? keys.computeIfAbsent(label, this::load)
                : secret(label).orElseThrow(() ->
                        new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no AES key '" + label + "'"));
        java.security.Key wrapping = "RSA".equals(method.wrappingAlgorithm())
                ? publicKey(wrappingLabel).orElseThrow(() ->
                        new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no key pair '" + wrappingLabel + "'"))
                : secret(wrappingLabel).orElseThrow(() ->
                        new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no AES key '" + wrappingLabel + "'"));
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(method.transformation());
            if (method.wrapsPrivateKey()) {
                // As PKCS#11 tokens do, RFC 3394 wraps a PKCS#8 key padded with zeros to a multiple of 8 bytes.
                byte[] encoded = key.getEncoded();
                byte[] padded = java.util.Arrays.copyOf(encoded, (encoded.length + 7) / 8 * 8);
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, wrapping);
                try {
                    return cipher.doFinal(padded);
                } finally {
                    java.util.Arrays.fill(encoded, (byte) 0);
                    java.util.Arrays.fill(padded, (byte) 0);
                }
            }
            cipher.init(javax.crypto.Cipher.WRAP_MODE, wrapping);
            return cipher.wrap(key);
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.WRAP_FAILED, "Key '" + label + "' cannot be wrapped with key '"
                    + wrappingLabel + "' by " + method + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        java.security.Key unwrapping = "RSA".equals(method.wrappingAlgorithm())
                ? keys.computeIfAbsent(unwrappingLabel, this::load)
                : secret(unwrappingLabel).orElseThrow(() ->
                        new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no AES key '" + unwrappingLabel + "'"));
        javax.crypto.SecretKey key;
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(method.transformation());
            cipher.init(javax.crypto.Cipher.UNWRAP_MODE, unwrapping);
            key = (javax.crypto.SecretKey) cipher.unwrap(wrapped, "AES", javax.crypto.Cipher.SECRET_KEY);
        } catch (GeneralSecurityException e) {
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                    + unwrappingLabel + "' by " + method + ": " + e.getMessage());
        }
        int bits = key.getEncoded().length * 8;
        if (bits != 128 && bits != 192 && bits != 256) {
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key is " + bits + " bits long, not an AES key");
        }
        try {
            if (store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the token");
            }
            store.setEntry(label, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
            save();
            secrets.put(label, key);
            return bits;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot store key '" + label + "' in the software key store", e);
        }
    }

    @Override
    public synchronized PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label,
                                                boolean extractable) {
        javax.crypto.SecretKey unwrapping = secret(unwrappingLabel).orElseThrow(() ->
                new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The token holds no AES key '" + unwrappingLabel + "'"));
        PrivateKey key;
        PublicKey publicKey;
        KeySpec spec;
        try {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(method.transformation());
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, unwrapping);
            byte[] padded = cipher.doFinal(wrapped);
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(padded)) {
                byte[] encoded = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(in.readObject()).getEncoded();
                key = java.security.KeyFactory.getInstance(method.wrappedAlgorithm())
                        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(encoded));
                java.util.Arrays.fill(encoded, (byte) 0);
            } finally {
                java.util.Arrays.fill(padded, (byte) 0);
            }
            if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
                publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                        new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                spec = KeySpec.rsa(rsa.getModulus().bitLength());
            } else if (key instanceof java.security.interfaces.ECPrivateKey ec) {
                String curveOid = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(ec.getEncoded())
                        .getPrivateKeyAlgorithm().getParameters().toString();
                spec = KeySpec.ec(curveOid, null);
                publicKey = EcPublicKeys.of(ec, curveOid);
            } else {
                throw new GeneralSecurityException("not an RSA key with CRT parameters or an EC key");
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof DomainException api && api.code() != ErrorCode.INVALID_KEY_SIZE && api.code() != ErrorCode.INVALID_CURVE) {
                throw api;
            }
            throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                    + unwrappingLabel + "' by " + method + ": " + e.getMessage());
        }
        try {
            if (store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the token");
            }
            Certificate placeholder = PlaceholderCertificate.create(label, publicKey, key, null, spec.defaultSignatureAlgorithm());
            placeholder.verify(publicKey);
            store.setKeyEntry(label, key, password, new Certificate[] {placeholder});
            save();
            keys.put(label, key);
            return publicKey;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot store key '" + label + "' in the software key store", e);
        }
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
        PrivateKey key = keys.computeIfAbsent(label, this::load);
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with key '" + label + "'", e);
        }
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
            save();
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
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Software key store " + file + " is not readable");
        }
    }

    @Override
    public void close() {
        keys.clear();
    }

    /** Writes the whole store to a temporary file first, so a crash never leaves half a key store. */
    private void save() throws IOException, GeneralSecurityException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.fine("Cannot restrict permissions of " + temporary);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
