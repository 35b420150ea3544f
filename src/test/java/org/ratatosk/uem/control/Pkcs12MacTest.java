package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pkcs12MacTest {

    /** The same key as BouncyCastle's PKCS#12 derivation, for short, block-long and long passwords. */
    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ABCD2345", "a password of exactly thirty-two", "a much longer password, longer than one block of sixty-four bytes"})
    void derivesTheKeyOfTheReferenceImplementation(String password) {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
        PKCS12ParametersGenerator reference = new PKCS12ParametersGenerator(new SHA256Digest());
        reference.init(PBEParametersGenerator.PKCS12PasswordToBytes(password.toCharArray()), salt, 2048);
        byte[] expected = ((KeyParameter) reference.generateDerivedMacParameters(256)).getKey();
        assertArrayEquals(expected, Pkcs12Mac.derive(password.toCharArray(), salt, 2048));
    }
}
