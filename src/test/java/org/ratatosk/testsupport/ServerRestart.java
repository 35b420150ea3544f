package org.ratatosk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * Restarts the restart tests' server in the middle of a test and waits for the application to answer
 * again. WildFly's goes through the container controller. Payara's managed container can stop a
 * domain only once per test JVM (each stop adds the domain name to an argument list it shares), so
 * that domain restarts through asadmin and the controller stops it only at the end; asadmin returns
 * once the domain runs, before it has loaded the application again.
 */
public final class ServerRestart {

    private ServerRestart() {
    }

    public static void restart(ContainerController controller) throws InterruptedException {
        String payaraHome = System.getProperty("hermod.test.payara.home");
        if (payaraHome == null) {
            controller.stop(Server.restartableContainer());
            controller.start(Server.restartableContainer());
        } else {
            run(Path.of(payaraHome, "bin", "asadmin").toString(), "restart-domain",
                    System.getProperty("hermod.test.payara.domain"));
        }
        awaitApplication();
    }

    /** Kills WildFly's process with {@code kill -9}, as a crash would end it, and waits until it is gone. */
    public static void kill() throws InterruptedException {
        ProcessHandle server = wildFlyProcess();
        run("kill", "-9", Long.toString(server.pid()));
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the killed server did not end", e);
        }
    }

    /**
     * Starts the killed server again and waits for the application; returns how long that took, in
     * milliseconds. The controller is told of the stop first, which fails quietly on a dead process.
     */
    public static long startAfterKill(ContainerController controller) throws InterruptedException {
        try {
            controller.stop(Server.restartableContainer());
        } catch (RuntimeException e) {
            // The process is gone; the controller only has to forget it.
        }
        long started = System.nanoTime();
        controller.start(Server.restartableContainer());
        awaitApplication();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The test server's JVM: a child of this one, started with the tests' port offset. */
    private static ProcessHandle wildFlyProcess() {
        String offset = "-Djboss.socket.binding.port-offset=" + System.getProperty("hermod.test.port.offset", "200");
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(offset)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no WildFly process with " + offset + " among this JVM's children"));
    }

    /** Health answers in JSON, 200 or 503, once the application is up; the bare server says 404. */
    private static void awaitApplication() {
        HttpRequest health = Server.request("/hermod/rest/health").timeout(Duration.ofSeconds(10)).GET().build();
        int status = Await.until(Duration.ofMinutes(3), Duration.ofMillis(250), () -> {
            try {
                return Server.HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the application", e);
            }
        }, answered -> answered == 200 || answered == 503);
        if (status != 200 && status != 503) {
            throw new AssertionError("the application did not answer after the restart (last status " + status + ")");
        }
    }

    /** Runs a command (asadmin, kill) and fails unless it ends well within five minutes. */
    private static void run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
