package org.ratatosk.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
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

    @AfterEach
    void close() {
        token.close();
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

    /** The "Access:" line pkcs11-tool prints for the private key with the label's CKA_ID. */
    static String accessOf(String label) throws IOException, InterruptedException {
        String id = HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
        Process tool = new ProcessBuilder("pkcs11-tool", "--module", "/usr/lib/softhsm/libsofthsm2.so", "--login",
                "--pin", new String(TestTokens.pin()), "--list-objects", "--type", "privkey")
                .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tool.waitFor(), output);
        String access = null;
        boolean ours = false;
        for (String line : output.lines().map(String::trim).toList()) {
            if (line.startsWith("Private Key Object")) {
                ours = false;
            } else if (line.startsWith("ID:")) {
                ours = line.substring(3).trim().equalsIgnoreCase(id);
            } else if (ours && line.startsWith("Access:")) {
                access = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (access == null) {
            throw new AssertionError("no private key with id " + id + ": " + output);
        }
        return access;
    }
}
