package org.ratatosk.tokens.control;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Runs in a JVM of its own, started with P11_KIT_SERVER_ADDRESS, and uses the PKCS#11 token
 * through p11-kit-client.so: one line per command on stdin, one answer per line: "check" (the
 * token's health check), "generate" (the key), "quit", or any other line, which the key signs.
 * It generates the key first unless started with --late, which waits for "generate" instead.
 * Usage: P11KitProbe <SunPKCS11 config> <pin file> <label> [--late]
 */
public final class P11KitProbe {

    private P11KitProbe() {
    }

    public static void main(String[] args) throws Exception {
        char[] pin = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).trim().toCharArray();
        String label = args[2];
        boolean late = args.length > 3 && "--late".equals(args[3]);
        try (Pkcs11Token token = new Pkcs11Token(Pkcs11Configuration.read(Path.of(args[0])), pin)) {
            if (late) {
                System.out.println("READY");
            } else {
                generate(token, label);
            }
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null && !command.equals("quit"); command = commands.readLine()) {
                try {
                    if (command.equals("check")) {
                        token.check();
                        System.out.println("OK");
                    } else if (command.equals("generate")) {
                        generate(token, label);
                    } else {
                        byte[] signature = token.sign(label, "SHA256withRSA", command.getBytes(StandardCharsets.UTF_8));
                        System.out.println("SIGNED " + Base64.getEncoder().encodeToString(signature));
                    }
                } catch (RuntimeException e) {
                    System.out.println("FAILED " + e.getClass().getSimpleName());
                }
            }
            token.delete(label);
        }
    }

    private static void generate(Pkcs11Token token, String label) {
        var publicKey = token.generate(label, KeySpec.rsa(2048), false);
        System.out.println("PUBLIC " + Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        System.out.println("EXTRACTABLE " + token.privateKeyExtractable(label));
    }
}
