package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public half of an EC key, from its scalar and from the signatures it makes alone. */
class EcPublicKeysTest {

    @ParameterizedTest
    @CsvSource({"secp256r1, 1.2.840.10045.3.1.7", "secp521r1, 1.3.132.0.35"})
    void signaturesOfTheKeyAdmitItsPublicKeyAlone(String curve, String oid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair pair = generator.generateKeyPair();
        AtomicInteger signatures = new AtomicInteger();
        var recovered = EcPublicKeys.recover(oid, digest -> {
            signatures.incrementAndGet();
            Signature signature = Signature.getInstance("NONEwithECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(digest);
            return signature.sign();
        });
        assertArrayEquals(pair.getPublic().getEncoded(), recovered.getEncoded());
        assertEquals(2, signatures.get(), "each signature admits two points; the second leaves one");
        assertArrayEquals(pair.getPublic().getEncoded(), EcPublicKeys.of((ECPrivateKey) pair.getPrivate(), oid).getEncoded());
    }

    @Test
    void signaturesOfDifferentKeysAdmitNoPublicKey() throws Exception {
        String oid = "1.2.840.10045.3.1.7";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair[] pairs = {generator.generateKeyPair(), generator.generateKeyPair(), generator.generateKeyPair(),
            generator.generateKeyPair()};
        AtomicInteger round = new AtomicInteger();
        assertThrows(GeneralSecurityException.class, () -> EcPublicKeys.recover(oid, digest -> {
            Signature signature = Signature.getInstance("NONEwithECDSA");
            signature.initSign(pairs[round.getAndIncrement()].getPrivate());
            signature.update(digest);
            return signature.sign();
        }));
    }
}
