package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys derived from the server secret: HKDF-SHA256 with the purpose as its label. */
class SecretsTest {

    @TempDir
    Path dir;

    Secrets secrets(byte[] secret) throws Exception {
        Path file = dir.resolve("server-secret-" + Arrays.hashCode(secret));
        Files.writeString(file, Base64.getEncoder().encodeToString(secret));
        System.setProperty("hermod.secret-file", file.toString());
        try {
            Secrets secrets = new Secrets();
            secrets.config = new Config();
            secrets.load();
            return secrets;
        } finally {
            System.clearProperty("hermod.secret-file");
        }
    }

    @Test
    void hkdfFollowsRfc5869() throws Exception {
        // RFC 5869 test case 3: SHA-256, 22 bytes of 0x0b, no salt, no info
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertEquals("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HexFormat.of().formatHex(secrets(ikm).hkdf("", 42)));
    }

    @Test
    void purposesGetUnrelatedKeys() throws Exception {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 1);
        Secrets secrets = secrets(secret);
        byte[] callbacks = secrets.hkdf("callbacks", 32);
        assertEquals(32, callbacks.length);
        assertArrayEquals(callbacks, secrets.hkdf("callbacks", 32));
        assertFalse(Arrays.equals(callbacks, secrets.hkdf("other purpose", 32)));
        assertFalse(Arrays.equals(callbacks, Arrays.copyOf(secrets.derive("callbacks"), 32)));
        secret[0] = 2;
        assertFalse(Arrays.equals(callbacks, secrets(secret).hkdf("callbacks", 32)));
    }
}
