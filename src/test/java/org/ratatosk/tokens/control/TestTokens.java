package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

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

    /** The "Access:" line pkcs11-tool prints for the private key whose CKA_ID is the label. */
    public static String privateKeyAccess(String label) throws IOException, InterruptedException {
        String id = HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
        Process tool = new ProcessBuilder("pkcs11-tool", "--module", "/usr/lib/softhsm/libsofthsm2.so", "--login",
                "--pin", new String(pin()), "--list-objects", "--type", "privkey")
                .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new AssertionError("pkcs11-tool failed: " + output);
        }
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
        return access;
    }

    public static Pkcs11Token softHsm() {
        assumeSoftHsm();
        return new Pkcs11Token(Pkcs11Configuration.read(softHsmDir().resolve("pkcs11.cfg")), pin());
    }
}
