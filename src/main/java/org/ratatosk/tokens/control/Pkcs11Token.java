package org.ratatosk.tokens.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.HsmUnavailableException;
import org.ratatosk.platform.InvalidInput;

/**
 * Keys in an HSM through SunPKCS11. Each private key is a token object, sensitive and (unless
 * asked otherwise) never extractable, found again by its label as the key store alias.
 * Any failure of the module drops the provider and its login; the next call builds a new one,
 * so the server recovers when the HSM returns without a restart.
 */
public final class Pkcs11Token implements CryptoToken {

    private static final Logger LOG = Logger.getLogger(Pkcs11Token.class.getName());

    private final Pkcs11Configuration configuration;
    private final char[] pin;
    private final Object generation = new Object();
    private volatile Connection connection;
    /** The provider of the last connection that failed: its module is started afresh before reconnecting. */
    private Provider failedProvider;
    /** While the HSM is down, calls fail fast instead of each trying to connect. */
    private Failure lastFailure;
    private static final long RETRY_INTERVAL_NANOS = 1_000_000_000L;

    public Pkcs11Token(Pkcs11Configuration configuration, char[] pin) {
        this.configuration = configuration;
        this.pin = pin.clone();
    }

    @Override
    public String kind() {
        return "pkcs11";
    }

    @Override
    public PublicKey generate(String label, KeySpec spec, boolean extractable) {
        // The check for the label and the generation are one step: two requests creating the same
        // label at once would otherwise both generate, and the loser's clean-up delete the winner's key.
        synchronized (generation) {
            return generateUnique(label, spec, extractable);
        }
    }

    private PublicKey generateUnique(String label, KeySpec spec, boolean extractable) {
        return use(c -> {
            Slot slot = extractable ? c.extractable() : c.strict;
            if (c.strict.store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.algorithm(), slot.provider);
            generator.initialize(spec.parameters());
            KeyPair pair = generator.generateKeyPair();
            Certificate placeholder = PlaceholderCertificate.create(label, pair.getPublic(), pair.getPrivate(),
                    slot.provider, spec.defaultSignatureAlgorithm());
            slot.store.setKeyEntry(label, pair.getPrivate(), null, new Certificate[] {placeholder});
            if (slot != c.strict) {
                c.strict.reload();
            }
            return pair.getPublic();
        });
    }

    @Override
    public void generateSecret(String label, int bits, boolean extractable) {
        use(c -> {
            Slot slot = extractable ? c.extractable() : c.strict;
            if (c.strict.store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
            }
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES", slot.provider);
            generator.init(bits);
            slot.store.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
            if (slot != c.strict) {
                c.strict.reload();
            }
            return null;
        });
    }

    @Override
    public byte[] sign(String label, String algorithm, java.security.spec.AlgorithmParameterSpec parameters, byte[] data) {
        return use(c -> {
            Signature signature = Signature.getInstance(algorithm, c.strict.provider);
            try {
                if (parameters != null) {
                    signature.setParameter(parameters);
                }
                signature.initSign(c.privateKey(label));
            } catch (java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
                throw new InvalidInput(ErrorCode.UNSUPPORTED_ALGORITHM, "Key '" + label + "' cannot sign with " + algorithm + ": " + e.getMessage());
            }
            signature.update(data);
            return signature.sign();
        });
    }

    @Override
    public byte[] signDeterministicEcdsa(String label, String digest, byte[] digestValue) {
        throw DeterministicEcdsa.refusedByHsm();
    }

    @Override
    public boolean signsDeterministicEcdsa() {
        return false;
    }

    @Override
    public byte[] cipher(String label, String transformation, int mode, java.security.spec.AlgorithmParameterSpec parameters,
                         byte[] aad, byte[] data) {
        return use(c -> {
            javax.crypto.Cipher cipher;
            try {
                cipher = javax.crypto.Cipher.getInstance(transformation, c.strict.provider);
                cipher.init(mode, c.key(label), parameters);
            } catch (java.security.NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException
                     | java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
                throw new InvalidInput(ErrorCode.UNSUPPORTED_ALGORITHM, "Key '" + label + "' cannot run " + transformation + ": " + e.getMessage());
            }
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            try {
                return cipher.doFinal(data);
            } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
                throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data cannot be " + (mode == javax.crypto.Cipher.ENCRYPT_MODE
                        ? "encrypted" : "decrypted") + " with key '" + label + "': " + e.getMessage());
            }
        });
    }

    @Override
    public byte[] wrapKey(String wrappingLabel, String label, WrapMethod method) {
        return use(c -> {
            java.security.Key wrapping = "RSA".equals(method.wrappingAlgorithm())
                    ? java.security.KeyFactory.getInstance("RSA", c.strict.provider)
                            .translateKey(c.strict.store.getCertificate(wrappingLabel).getPublicKey())
                    : c.key(wrappingLabel);
            try {
                return Pkcs11KeyWrap.wrap(wrapping, method.wrapsPrivateKey() ? c.privateKey(label) : c.key(label),
                        method.pkcs11Mechanism());
            } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                throw new InvalidInput(ErrorCode.WRAP_FAILED, "Key '" + label + "' cannot be wrapped with key '"
                        + wrappingLabel + "' by " + method + ": " + e.getMessage());
            }
        });
    }

    @Override
    public int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        return use(c -> {
            if (c.strict.store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
            }
            try {
                Pkcs11KeyWrap.unwrapSecret(c.key(unwrappingLabel), wrapped, method.pkcs11Mechanism(), label, extractable);
            } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                        + unwrappingLabel + "' by " + method + ": " + e.getMessage());
            }
            c.strict.reload();
            if (!"RSA".equals(method.wrappingAlgorithm())) {
                // RFC 3394 and RFC 5649 add 8 bytes to a key whose length is a multiple of 8.
                return (wrapped.length - 8) * 8;
            }
            // SoftHSM leaves CKA_VALUE_LEN of an unwrapped key empty; the key's length is that of
            // its wrapping under a session key, less the 8 bytes of RFC 3394.
            javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES", c.strict.provider);
            generator.init(256);
            try {
                return (Pkcs11KeyWrap.wrap(generator.generateKey(), c.key(label), Pkcs11KeyWrap.CKM_AES_KEY_WRAP).length - 8) * 8;
            } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                c.strict.store.deleteEntry(label);
                throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "This token learns the length of a key unwrapped by "
                        + method + " only when the new key is extractable: " + e.getMessage());
            }
        });
    }

    @Override
    public PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        synchronized (generation) {
            return use(c -> {
                if (c.strict.store.containsAlias(label)) {
                    throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
                }
                Pkcs11KeyWrap.UnwrappedPrivateKey unwrapped;
                try {
                    unwrapped = Pkcs11KeyWrap.unwrapPrivate(c.key(unwrappingLabel), wrapped, method.pkcs11Mechanism(),
                            method.wrappedAlgorithm(), extractable);
                } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                    throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                            + unwrappingLabel + "' by " + method + ": " + e.getMessage());
                }
                PrivateKey privateKey = unwrapped.key();
                try {
                    PublicKey publicKey;
                    KeySpec spec;
                    if (unwrapped.modulus() != null) {
                        publicKey = java.security.KeyFactory.getInstance("RSA").generatePublic(
                                new java.security.spec.RSAPublicKeySpec(unwrapped.modulus(), unwrapped.publicExponent()));
                        spec = KeySpec.rsa(unwrapped.modulus().bitLength());
                    } else {
                        String curveOid = org.bouncycastle.asn1.ASN1ObjectIdentifier.getInstance(unwrapped.ecParameters()).getId();
                        spec = KeySpec.ec(curveOid, null);
                        publicKey = EcPublicKeys.recover(curveOid, digest -> {
                            Signature signature = Signature.getInstance("NONEwithECDSA", c.strict.provider);
                            signature.initSign(privateKey);
                            signature.update(digest);
                            return signature.sign();
                        });
                    }
                    java.security.cert.X509Certificate placeholder = PlaceholderCertificate.create(label, publicKey, privateKey,
                            c.strict.provider, spec.defaultSignatureAlgorithm());
                    // The placeholder's signature, made in the token, shows that the public key is the private key's half.
                    placeholder.verify(publicKey);
                    c.strict.store.setKeyEntry(label, privateKey, null, new Certificate[] {placeholder});
                    return publicKey;
                } catch (DomainException | GeneralSecurityException e) {
                    Pkcs11KeyWrap.destroy(privateKey);
                    c.strict.reload();
                    if (e instanceof DomainException api) {
                        throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The unwrapped key is not one this server holds: " + api.getMessage());
                    }
                    throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The unwrapped key's public half cannot be learnt: " + e.getMessage());
                }
            });
        }
    }

    @Override
    public Optional<PublicKey> publicKey(String label) {
        return use(c -> Optional.ofNullable(c.strict.store.getCertificate(label)).map(Certificate::getPublicKey));
    }

    @Override
    public byte[] sign(String label, String algorithm, byte[] data) {
        return use(c -> {
            Signature signature = Signature.getInstance(algorithm, c.strict.provider);
            signature.initSign(c.privateKey(label));
            signature.update(data);
            return signature.sign();
        });
    }

    @Override
    public boolean privateKeyExtractable(String label) {
        // SunPKCS11 hands out an opaque key, without encoding, for every sensitive or non-extractable key.
        return use(c -> c.privateKey(label).getEncoded() != null);
    }

    @Override
    public boolean delete(String label) {
        return use(c -> {
            c.keys.remove(label);
            if (!c.strict.store.containsAlias(label)) {
                return false;
            }
            c.strict.store.deleteEntry(label);
            return true;
        });
    }

    @Override
    public byte[] random(int length) {
        return use(c -> {
            byte[] bytes = new byte[length];
            SecureRandom.getInstance("PKCS11", c.strict.provider).nextBytes(bytes);
            return bytes;
        });
    }

    @Override
    public void check() {
        use(c -> {
            byte[] probe = new byte[8];
            SecureRandom.getInstance("PKCS11", c.strict.provider).nextBytes(probe);
            // A random number may come without the token's key store; a signature needs it.
            // The first key pair's private key; AES keys have no certificate and cannot sign.
            var aliases = java.util.Collections.list(c.strict.store.aliases()).stream()
                    .filter(alias -> {
                        try {
                            return c.strict.store.getCertificate(alias) != null;
                        } catch (java.security.KeyStoreException e) {
                            throw new IllegalStateException(e);
                        }
                    }).iterator();
            if (aliases.hasNext()) {
                PrivateKey key = c.privateKey(aliases.next());
                Signature signature = Signature.getInstance("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA"
                        : "SHA256withRSA", c.strict.provider);
                signature.initSign(key);
                signature.update(probe);
                signature.sign();
            }
            return probe;
        });
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T use(Work<T> work) {
        Connection current = connect();
        try {
            return work.run(current);
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            drop(current, e);
            throw new HsmUnavailableException("The HSM failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() {
        Connection current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection != null) {
                return connection;
            }
            long now = System.nanoTime();
            if (lastFailure != null && now - lastFailure.at < RETRY_INTERVAL_NANOS) {
                throw new HsmUnavailableException("The HSM cannot be reached: " + lastFailure.reason, null);
            }
            if (failedProvider != null) {
                Pkcs11Module.restart(failedProvider);
            } else if (lastFailure != null) {
                Pkcs11Module.restart(configuration.library());
            }
            try {
                connection = new Connection(configuration, pin);
                failedProvider = null;
                lastFailure = null;
                LOG.info("Connected to the HSM through " + configuration.library());
                return connection;
            } catch (Exception | LinkageError e) {
                lastFailure = new Failure(System.nanoTime(), String.valueOf(e.getMessage()));
                throw new HsmUnavailableException("The HSM cannot be reached: " + e.getMessage(), e);
            }
        }
    }

    private record Failure(long at, String reason) {
    }

    private synchronized void drop(Connection failed, Throwable cause) {
        if (connection == failed) {
            LOG.log(Level.WARNING, "HSM call failed; reconnecting on the next call: " + cause);
            connection = null;
            failed.close();
            failedProvider = failed.strict.provider;
        }
    }

    /** A provider with its logged-in key store. */
    private static final class Slot {
        final Provider provider;
        final KeyStore store;
        final char[] pin;

        Slot(Provider provider, char[] pin) throws Exception {
            this.provider = provider;
            this.pin = pin;
            this.store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        }

        void reload() throws Exception {
            store.load(null, pin);
        }

        void close() {
            if (provider instanceof java.security.AuthProvider auth) {
                try {
                    auth.logout();
                } catch (LoginException | RuntimeException e) {
                    LOG.fine("Logout from a failed HSM session: " + e);
                }
            }
        }
    }

    /** Providers configured for this module and slot, plus private key handles by label. */
    private static final class Connection {
        final Pkcs11Configuration configuration;
        final char[] pin;
        final Slot strict;
        private volatile Slot extractable;
        final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

        Connection(Pkcs11Configuration configuration, char[] pin) throws Exception {
            this.configuration = configuration;
            this.pin = pin;
            this.strict = new Slot(provider(configuration.strict()), pin);
        }

        synchronized Slot extractable() throws Exception {
            if (extractable == null) {
                extractable = new Slot(provider(configuration.extractable()), pin);
            }
            return extractable;
        }

        /** The private or secret key of the label. */
        java.security.Key key(String label) throws GeneralSecurityException {
            listAgainUnlessListed(label);
            if (strict.store.isKeyEntry(label) && strict.store.getCertificate(label) == null) {
                java.security.Key secret = strict.store.getKey(label, null);
                if (secret == null) {
                    throw new java.security.KeyStoreException("The HSM lists key '" + label + "' but does not return it");
                }
                return secret;
            }
            return privateKey(label);
        }

        PrivateKey privateKey(String label) throws GeneralSecurityException {
            PrivateKey key = keys.get(label);
            if (key == null) {
                listAgainUnlessListed(label);
                key = (PrivateKey) strict.store.getKey(label, null);
                if (key == null && strict.store.containsAlias(label)) {
                    // The token listed the key but cannot produce it: the token failed, not the caller.
                    throw new java.security.KeyStoreException("The HSM lists key '" + label + "' but does not return it");
                }
                if (key == null) {
                    throw new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The HSM holds no private key '" + label + "'");
                }
                keys.put(label, key);
            }
            return key;
        }

        /**
         * The key store lists the token's entries when it is loaded; a key another server made on a
         * token they share since then is found by listing them again.
         */
        private void listAgainUnlessListed(String label) throws GeneralSecurityException {
            if (strict.store.containsAlias(label)) {
                return;
            }
            try {
                strict.reload();
            } catch (GeneralSecurityException e) {
                throw e;
            } catch (Exception e) {
                throw new java.security.KeyStoreException("Cannot list the HSM's keys again", e);
            }
        }

        static Provider provider(String configText) {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new IllegalStateException("The SunPKCS11 provider is not available in this Java runtime");
            }
            return base.configure("--" + configText);
        }

        void close() {
            keys.clear();
            strict.close();
            if (extractable != null) {
                extractable.close();
            }
        }
    }
}
