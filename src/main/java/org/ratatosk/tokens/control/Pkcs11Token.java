package org.ratatosk.tokens.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.ratatosk.platform.Causes;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;

/**
 * Keys in an HSM through SunPKCS11. Each private key is a token object, sensitive and (unless
 * asked otherwise) never extractable, found again by its label as the key store alias. Every call
 * runs on the connection that {@link Pkcs11Connections} keeps, and survives the HSM going away.
 */
public final class Pkcs11Token implements CryptoToken {

    private final Pkcs11Connections connections;
    private final Object generation = new Object();

    public Pkcs11Token(Pkcs11Configuration configuration, char[] pin) {
        this.connections = new Pkcs11Connections(configuration, pin.clone());
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
        return connections.use(c -> {
            Pkcs11Connection.Slot slot = extractable ? c.extractable() : c.strict;
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
        connections.use(c -> {
            Pkcs11Connection.Slot slot = extractable ? c.extractable() : c.strict;
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
        return connections.use(c -> {
            Signature signature = Signature.getInstance(algorithm, c.strict.provider);
            try {
                if (parameters != null) {
                    signature.setParameter(parameters);
                }
                signature.initSign(c.privateKey(label));
            } catch (java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
                throw new InvalidInput(ErrorCode.UNSUPPORTED_ALGORITHM, "Key '" + label + "' cannot sign with " + algorithm + ": " + Causes.reason(e));
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
        return connections.use(c -> {
            javax.crypto.Cipher cipher;
            try {
                cipher = javax.crypto.Cipher.getInstance(transformation, c.strict.provider);
                cipher.init(mode, c.key(label), parameters);
            } catch (java.security.NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException
                     | java.security.InvalidKeyException | java.security.InvalidAlgorithmParameterException e) {
                throw new InvalidInput(ErrorCode.UNSUPPORTED_ALGORITHM, "Key '" + label + "' cannot run " + transformation + ": " + Causes.reason(e));
            }
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            try {
                return cipher.doFinal(data);
            } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
                throw new InvalidInput(ErrorCode.DECRYPTION_FAILED, "The data cannot be " + (mode == javax.crypto.Cipher.ENCRYPT_MODE
                        ? "encrypted" : "decrypted") + " with key '" + label + "': " + Causes.reason(e));
            }
        });
    }

    @Override
    public byte[] wrapKey(String wrappingLabel, String label, WrapMethod method) {
        return connections.use(c -> {
            java.security.Key wrapping = "RSA".equals(method.wrappingAlgorithm())
                    ? java.security.KeyFactory.getInstance("RSA", c.strict.provider)
                            .translateKey(c.strict.store.getCertificate(wrappingLabel).getPublicKey())
                    : c.key(wrappingLabel);
            try {
                return Pkcs11KeyWrap.wrap(wrapping, method.wrapsPrivateKey() ? c.privateKey(label) : c.key(label),
                        method.pkcs11Mechanism());
            } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                throw new InvalidInput(ErrorCode.WRAP_FAILED, "Key '" + label + "' cannot be wrapped with key '"
                        + wrappingLabel + "' by " + method + ": " + Causes.reason(e));
            }
        });
    }

    @Override
    public int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        return connections.use(c -> {
            if (c.strict.store.containsAlias(label)) {
                throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
            }
            try {
                Pkcs11KeyWrap.unwrapSecret(c.key(unwrappingLabel), wrapped, method.pkcs11Mechanism(), label, extractable);
            } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                        + unwrappingLabel + "' by " + method + ": " + Causes.reason(e));
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
                        + method + " only when the new key is extractable: " + Causes.reason(e));
            }
        });
    }

    @Override
    public PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        synchronized (generation) {
            return connections.use(c -> {
                if (c.strict.store.containsAlias(label)) {
                    throw new Conflict(ErrorCode.KEY_EXISTS, "A key labelled '" + label + "' already exists in the HSM");
                }
                Pkcs11KeyWrap.UnwrappedPrivateKey unwrapped;
                try {
                    unwrapped = Pkcs11KeyWrap.unwrapPrivate(c.key(unwrappingLabel), wrapped, method.pkcs11Mechanism(),
                            method.wrappedAlgorithm(), extractable);
                } catch (Pkcs11KeyWrap.Pkcs11Refusal e) {
                    throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The wrapped key cannot be unwrapped with key '"
                            + unwrappingLabel + "' by " + method + ": " + Causes.reason(e));
                }
                PrivateKey privateKey = unwrapped.key();
                try {
                    PublicHalf half;
                    if (unwrapped.modulus() != null) {
                        half = PublicHalf.rsa(unwrapped.modulus(), unwrapped.publicExponent());
                    } else {
                        String curveOid = ASN1ObjectIdentifier.getInstance(unwrapped.ecParameters()).getId();
                        half = PublicHalf.ec(curveOid, () -> EcPublicKeys.recover(curveOid, digest -> {
                            Signature signature = Signature.getInstance("NONEwithECDSA", c.strict.provider);
                            signature.initSign(privateKey);
                            signature.update(digest);
                            return signature.sign();
                        }));
                    }
                    Certificate placeholder = half.placeholder(label, privateKey, c.strict.provider);
                    c.strict.store.setKeyEntry(label, privateKey, null, new Certificate[] {placeholder});
                    return half.key();
                } catch (DomainException | GeneralSecurityException e) {
                    Pkcs11KeyWrap.destroy(privateKey);
                    c.strict.reload();
                    if (e instanceof DomainException api) {
                        throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The unwrapped key is not one this server holds: " + api.getMessage());
                    }
                    throw new InvalidInput(ErrorCode.UNWRAP_FAILED, "The unwrapped key's public half cannot be learnt: " + Causes.reason(e));
                }
            });
        }
    }

    @Override
    public Optional<PublicKey> publicKey(String label) {
        return connections.use(c -> Optional.ofNullable(c.strict.store.getCertificate(label)).map(Certificate::getPublicKey));
    }

    @Override
    public byte[] sign(String label, String algorithm, byte[] data) {
        return connections.use(c -> {
            Signature signature = Signature.getInstance(algorithm, c.strict.provider);
            signature.initSign(c.privateKey(label));
            signature.update(data);
            return signature.sign();
        });
    }

    @Override
    public boolean privateKeyExtractable(String label) {
        // SunPKCS11 hands out an opaque key, without encoding, for every sensitive or non-extractable key.
        return connections.use(c -> c.privateKey(label).getEncoded() != null);
    }

    @Override
    public boolean delete(String label) {
        return connections.use(c -> {
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
        return connections.use(c -> {
            byte[] bytes = new byte[length];
            SecureRandom.getInstance("PKCS11", c.strict.provider).nextBytes(bytes);
            return bytes;
        });
    }

    @Override
    public void check() {
        connections.use(c -> {
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
    public void close() {
        connections.close();
    }
}
