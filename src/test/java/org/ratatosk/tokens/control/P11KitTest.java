package org.ratatosk.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratatosk.testsupport.Await;

/**
 * The HSM in another process: p11-kit server exports the SoftHSM2 token over a socket, and the
 * token signs through p11-kit-client.so in a separate JVM. The server is then stopped and started
 * again, and the same token recovers without being recreated.
 */
class P11KitTest {

    static final String CLIENT_MODULE = "/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so";
    static final String SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";

    @TempDir
    Path dir;

    Process server;
    Process probe;

    @AfterEach
    void stop() throws InterruptedException {
        if (probe != null) {
            probe.destroyForcibly();
        }
        stopServer();
    }

    /** The server and the process it forked for each connected client. */
    void stopServer() throws InterruptedException {
        if (server == null) {
            return;
        }
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
        assertTrue(server.waitFor(10, TimeUnit.SECONDS));
        server = null;
    }

    /** Starts p11-kit server in the foreground and returns the address it announces. */
    String startServer(Path socket) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("p11-kit", "server", "-f", "-n", socket.toString(),
                "--provider", SOFTHSM_MODULE, "pkcs11:token=hermod-test");
        builder.environment().put("SOFTHSM2_CONF", TestTokens.softHsmDir().resolve("softhsm2.conf").toString());
        builder.redirectErrorStream(true);
        server = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("P11_KIT_SERVER_ADDRESS=")) {
                String address = line.substring("P11_KIT_SERVER_ADDRESS=".length(), line.indexOf(';'));
                Thread drain = new Thread(() -> output.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return address;
            }
        }
        throw new AssertionError("p11-kit server announced no address");
    }

    @Test
    void tokenSignsThroughP11KitAndRecoversWhenTheServerRestarts() throws Exception {
        assumeP11Kit();
        Path socket = dir.resolve("hsm.sock");
        String address = startServer(socket);
        assertEquals("unix:path=" + socket, address);
        Path config = clientConfig();

        String label = "p11kit-" + UUID.randomUUID();
        startProbe(config, address, label);
        BufferedReader answers = answers();
        PrintWriter commands = commands();

        String publicLine = answers.readLine();
        assertNotNull(publicLine, "probe died: " + Files.readString(dir.resolve("probe.log")));
        assertTrue(publicLine.startsWith("PUBLIC "), publicLine);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicLine.substring(7))));
        assertEquals("EXTRACTABLE false", answers.readLine());
        String access = TestTokens.privateKeyAccess(label);
        assertNotNull(access, "the key was generated in the SoftHSM token behind p11-kit");
        assertTrue(access.contains("never extractable"), access);

        assertTrue(verifies(publicKey, "first", sign(commands, answers, "first")));

        stopServer();
        Files.deleteIfExists(socket);
        assertEquals("FAILED HsmUnavailableException", signOnce(commands, answers, "while down"));

        startServer(socket);
        String answer = Await.until(Duration.ofSeconds(15), Duration.ofMillis(300),
                () -> signAgain(commands, answers, "after restart"), a -> a != null && a.startsWith("SIGNED "));
        String signed = answer != null && answer.startsWith("SIGNED ") ? answer.substring(7) : null;
        assertNotNull(signed, "no signature after the p11-kit server came back: " + Files.readString(dir.resolve("probe.log")));
        assertTrue(verifies(publicKey, "after restart", signed));
        quit(commands);
    }

    /** The HSM is down when the token is first used, and the token connects once it is up. */
    @Test
    void tokenThatFirstFindsTheHsmDownConnectsWhenItComesUp() throws Exception {
        assumeP11Kit();
        Path socket = dir.resolve("hsm.sock");
        Path config = clientConfig();
        String label = "p11kit-late-" + UUID.randomUUID();
        startProbe(config, "unix:path=" + socket, label, "--late");
        BufferedReader answers = answers();
        PrintWriter commands = commands();
        assertEquals("READY", answers.readLine(), Files.readString(dir.resolve("probe.log")));
        assertEquals("FAILED HsmUnavailableException", signOnce(commands, answers, "check"));

        assertEquals("unix:path=" + socket, startServer(socket));
        String checked = Await.until(Duration.ofSeconds(15), Duration.ofMillis(300),
                () -> signAgain(commands, answers, "check"), "OK"::equals);
        assertEquals("OK", checked, "the token did not connect after the HSM came up: "
                + Files.readString(dir.resolve("probe.log")));
        String publicLine = signOnce(commands, answers, "generate");
        assertTrue(publicLine.startsWith("PUBLIC "), publicLine);
        assertEquals("EXTRACTABLE false", answers.readLine());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicLine.substring(7))));
        assertTrue(verifies(publicKey, "once up", sign(commands, answers, "once up")));
        quit(commands);
    }

    static void assumeP11Kit() {
        TestTokens.assumeSoftHsm();
        assumeTrue(Files.exists(Path.of(CLIENT_MODULE)) && Files.isExecutable(Path.of("/usr/bin/p11-kit")),
                "PKCS#11 test skipped: p11-kit and " + CLIENT_MODULE + " are needed");
    }

    /** SunPKCS11 configuration for the token behind p11-kit-client.so. */
    Path clientConfig() throws IOException {
        return Files.writeString(dir.resolve("p11-kit.cfg"),
                "name = ViaP11Kit\nlibrary = " + CLIENT_MODULE + "\nslotListIndex = 0\n");
    }

    void quit(PrintWriter commands) throws Exception {
        commands.println("quit");
        assertEquals(0, probe.waitFor(30, TimeUnit.SECONDS) ? probe.exitValue() : -1,
                Files.readString(dir.resolve("probe.log")));
    }

    /** The probe JVM, using the token through p11-kit-client.so at {@code address} only. */
    void startProbe(Path config, String address, String label, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED",
                "--add-opens=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), P11KitProbe.class.getName(),
                config.toString(), TestTokens.softHsmDir().resolve("pin").toString(), label));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("P11_KIT_SERVER_ADDRESS", address);
        builder.environment().remove("SOFTHSM2_CONF");
        builder.redirectError(dir.resolve("probe.log").toFile());
        probe = builder.start();
    }

    BufferedReader answers() {
        return new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
    }

    PrintWriter commands() {
        return new PrintWriter(probe.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    static String signOnce(PrintWriter commands, BufferedReader answers, String data) throws IOException {
        commands.println(data);
        return answers.readLine();
    }

    /** {@link #signOnce} for a condition that is read again until it holds. */
    private static String signAgain(PrintWriter commands, BufferedReader answers, String data) {
        try {
            return signOnce(commands, answers, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sign(PrintWriter commands, BufferedReader answers, String data) throws IOException {
        String answer = signOnce(commands, answers, data);
        assertTrue(answer != null && answer.startsWith("SIGNED "), String.valueOf(answer));
        return answer.substring(7);
    }

    static boolean verifies(PublicKey key, String data, String signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(data.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
