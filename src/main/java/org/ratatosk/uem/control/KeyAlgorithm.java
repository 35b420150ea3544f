package org.ratatosk.uem.control;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The user key types the connector can hand out. Keys are made in software because they leave
 * the server inside the PKCS#12.
 */
public enum KeyAlgorithm {
    RSA_2048("RSA-2048"),
    RSA_3072("RSA-3072"),
    EC_P256("EC-P256");

    private final String configName;

    KeyAlgorithm(String configName) {
        this.configName = configName;
    }

    public static Optional<KeyAlgorithm> fromConfig(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
    }

    /** By the settings API's name ({@code RSA_2048}) or the system property's ({@code RSA-2048}). */
    public static Optional<KeyAlgorithm> fromName(String name) {
        return fromConfig(name).or(() -> Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst());
    }

    public String configName() {
        return configName;
    }

    public boolean rsa() {
        return this != EC_P256;
    }

    /** RSA keys also carry keys for encryption to their owner; an EC key only signs. */
    public int keyUsageBits() {
        return rsa() ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    public KeyPair generate() {
        try {
            if (rsa()) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(this == RSA_2048 ? 2048 : 3072);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + configName + " key pair", e);
        }
    }
}
