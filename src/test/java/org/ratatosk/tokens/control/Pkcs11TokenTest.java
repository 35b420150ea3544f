package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the HSM itself says about the keys the token generates, read back with pkcs11-tool. */
class Pkcs11TokenTest {

    Pkcs11Token token;

    @BeforeEach
    void open() {
        token = TestTokens.softHsm();
    }

    /** Runs after a skipped test too, when the assumption in {@link #open()} left no token. */
    @AfterEach
    void close() {
        if (token != null) {
            token.close();
        }
    }

    @Test
    void generatedPrivateKeyIsSensitiveAndNeverExtractable() throws Exception {
        String label = "strict-" + UUID.randomUUID();
        token.generate(label, KeySpec.rsa(2048), false);
        String access = accessOf(label);
        assertTrue(access.contains("sensitive"), access);
        assertTrue(access.contains("never extractable"), access);
        assertFalse(token.privateKeyExtractable(label));
    }

    @Test
    void extractableKeyIsStillSensitive() throws Exception {
        String label = "loose-" + UUID.randomUUID();
        token.generate(label, KeySpec.ec(null, 256), true);
        String access = accessOf(label);
        assertTrue(access.contains("sensitive"), access);
        assertTrue(access.matches(".*(^|, )extractable.*"), access);
        assertFalse(access.contains("never extractable"), access);
        assertFalse(token.privateKeyExtractable(label), "sensitive keys never leave in the clear");
        int length = token.sign(label, "SHA256withECDSA", new byte[] {1, 2}).length;
        assertTrue(length >= 68 && length <= 72, "a DER ECDSA P-256 signature, got " + length + " bytes");
    }

    static String accessOf(String label) throws IOException, InterruptedException {
        String access = TestTokens.privateKeyAccess(label);
        if (access == null) {
            throw new AssertionError("no private key labelled " + label + " in the token");
        }
        return access;
    }
}
