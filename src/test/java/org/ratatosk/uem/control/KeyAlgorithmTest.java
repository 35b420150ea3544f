package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAlgorithmTest {

    @Test
    void configNamesAreRecognised() {
        assertEquals(Optional.of(KeyAlgorithm.RSA_2048), KeyAlgorithm.fromConfig("RSA-2048"));
        assertEquals(Optional.of(KeyAlgorithm.RSA_3072), KeyAlgorithm.fromConfig(" rsa-3072 "));
        assertEquals(Optional.of(KeyAlgorithm.EC_P256), KeyAlgorithm.fromConfig("EC-P256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-1024", "RSA-4096", "EC-P384", "Ed25519", "DSA", ""})
    void anythingElseIsUnsupported(String name) {
        assertTrue(KeyAlgorithm.fromConfig(name).isEmpty());
    }

    @Test
    void nullIsUnsupported() {
        assertTrue(KeyAlgorithm.fromConfig(null).isEmpty());
    }

    @Test
    void generatedKeysHaveTheConfiguredSize() {
        assertEquals(2048, ((RSAPublicKey) KeyAlgorithm.RSA_2048.generate().getPublic()).getModulus().bitLength());
        assertEquals(3072, ((RSAPublicKey) KeyAlgorithm.RSA_3072.generate().getPublic()).getModulus().bitLength());
        assertEquals(256, ((ECPublicKey) KeyAlgorithm.EC_P256.generate().getPublic()).getParams().getOrder().bitLength());
    }

    @Test
    void rsaKeysAlsoEncipherEcKeysOnlySign() {
        assertEquals(KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyAlgorithm.RSA_2048.keyUsageBits());
        assertEquals(KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyAlgorithm.RSA_3072.keyUsageBits());
        assertEquals(KeyUsage.digitalSignature, KeyAlgorithm.EC_P256.keyUsageBits());
    }
}
