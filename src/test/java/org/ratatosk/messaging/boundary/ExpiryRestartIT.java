package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Mailbox;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.platform.MetricsScrape;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * Deadlines are persistent delayed messages: a command submitted before a restart still expires
 * on time after it, and what was stored before is still there.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void commandExpiresOnTimeAcrossARestart() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        try {
            Server.Client client = Server.newClient(null);
            int timeout = 90; // leaves room for a slow restart on a busy machine
            Instant submittedAt = Instant.now();
            Reply submitted = client.api().submit("provision",
                    ProvisionCommands.provision().lifespan(85).timeout(timeout).build()).expectOk("submit");
            Instant due = submittedAt.plusSeconds(timeout);
            String commandId = submitted.string("commandId");
            JsonObject destination = submitted.body().getJsonArray("destinations").getJsonObject(0);

            ServerRestart.restart(controller);
            assertTrue(Instant.now().isBefore(due.minusSeconds(2)), "restart took too long to measure the expiry");

            Mailbox box = Mailbox.fromUri(destination.getString("uri"));
            assertEquals(200, client.device().get(destination.getString("location"), box.token()).status(),
                    "the message survives the restart");
            assertEquals("IN_PROGRESS", client.api().get(commandId).string("state"));

            Map<String, Double> before = MetricsScrape.scrape();
            String state = Await.until(Duration.between(Instant.now(), due.plusSeconds(10)),
                    () -> client.api().get(commandId).string("state"), s -> !s.equals("IN_PROGRESS"));
            Duration seen = Duration.between(due, Instant.now());
            assertEquals("EXPIRED", state);
            // The server's own record of how late the expiry ran: its clock, its copy of the
            // deadline, and none of this test's polling.
            Map<String, Double> after = MetricsScrape.scrape();
            assertEquals(1, MetricsScrape.delta(before, after, "hermod_expiry_lag_seconds_count"), "expiries since the restart");
            double lag = MetricsScrape.delta(before, after, "hermod_expiry_lag_seconds_sum");
            System.out.printf(Locale.ROOT, "Expired %.0f ms after its timeout, across a restart (seen by this test after %d ms)%n",
                    lag * 1000, seen.toMillis());
            assertTrue(lag < 2.0, "expired " + lag + " s after its timeout");
            assertEquals(410, client.device().get(destination.getString("location"), box.token()).status());
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }
}
