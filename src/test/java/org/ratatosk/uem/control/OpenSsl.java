package org.ratatosk.uem.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the openssl binary over a PKCS#12, as an independent reader of what the server writes. */
public final class OpenSsl {

    private OpenSsl() {
    }

    /** {@code openssl pkcs12 -info}: its whole output; throws when openssl refuses the file. */
    public static String pkcs12Info(byte[] pkcs12, String password) throws IOException, InterruptedException {
        Path file = Files.createTempFile("uem", ".p12");
        try {
            Files.write(file, pkcs12);
            ProcessBuilder openssl = new ProcessBuilder("openssl", "pkcs12", "-info", "-in", file.toString(),
                    "-passin", "env:P12_PASSWORD", "-nodes")
                    .redirectErrorStream(true);
            // through the environment rather than the command line, which other processes can read
            openssl.environment().put("P12_PASSWORD", password);
            Process process = openssl.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl refused the PKCS#12: " + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
