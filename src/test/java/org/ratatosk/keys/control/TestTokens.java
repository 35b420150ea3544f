package org.ratatosk.keys.control;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SoftHSM2 token that the build initialises under target/ for the tests. */
public final class TestTokens {

    private TestTokens() {
    }

    public static Path softHsmDir() {
        return Path.of(System.getProperty("hermod.test.softhsm.dir", "target/softhsm")).toAbsolutePath();
    }

    /** Skips the calling test, saying why, when the build could not set up a SoftHSM2 token. */
    public static void assumeSoftHsm() {
        Path config = softHsmDir().resolve("pkcs11.cfg");
        assumeTrue(Files.isRegularFile(config) && System.getenv("SOFTHSM2_CONF") != null,
                "PKCS#11 test skipped: no SoftHSM2 token (install softhsm2; the build initialises it in " + softHsmDir() + ")");
    }

    public static char[] pin() {
        try {
            return Files.readString(softHsmDir().resolve("pin"), StandardCharsets.UTF_8).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Pkcs11Token softHsm() {
        assumeSoftHsm();
        return new Pkcs11Token(Pkcs11Configuration.read(softHsmDir().resolve("pkcs11.cfg")), pin());
    }
}
