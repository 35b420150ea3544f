package org.ratatosk.devicesim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** A key type and size a device can generate: RSA of any sensible length, EC on P-256 or P-384. */
public record KeySpec(String kty, int bits) {

    public static KeySpec rsa(int bits) {
        return new KeySpec("RSA", bits);
    }

    public static KeySpec ec(int bits) {
        return new KeySpec("EC", bits);
    }

    public boolean isRsa() {
        return "RSA".equals(kty);
    }

    /** The JWK {@code crv} of an EC spec. */
    public String curve() {
        return bits == 384 ? "P-384" : "P-256";
    }

    public boolean supported() {
        return isRsa() ? bits >= 1024 && bits <= 8192 : "EC".equals(kty) && (bits == 256 || bits == 384);
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kty);
            if (isRsa()) {
                generator.initialize(bits);
            } else {
                generator.initialize(new ECGenParameterSpec(bits == 384 ? "secp384r1" : "secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + this, e);
        }
    }

    @Override
    public String toString() {
        return kty + "-" + bits;
    }
}
