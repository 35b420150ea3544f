package org.ratatosk.messaging.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
            asadmin(Path.of(payaraHome, "bin", "asadmin").toString(), "restart-domain",
                    System.getProperty("hermod.test.payara.domain"));
        }
        awaitApplication();
    }

    /** Health answers in JSON, 200 or 503, once the application is up; the bare server says 404. */
    private static void awaitApplication() throws InterruptedException {
        HttpRequest health = Server.request("/hermod/rest/health").timeout(Duration.ofSeconds(10)).GET().build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            try {
                status = Server.HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 503) {
                    return;
                }
            } catch (IOException e) {
                status = -1;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not answer after the restart (last status " + status + ")");
    }

    private static void asadmin(String... command) throws InterruptedException {
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
