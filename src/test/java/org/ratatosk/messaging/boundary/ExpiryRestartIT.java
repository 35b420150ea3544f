package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.ratatosk.uem.boundary.UemClient;

/**
 * Deadlines are persistent delayed messages: a command submitted before a restart still expires
 * on time after it, and what was stored before is still there. The commands' deadlines fall every
 * {@value #STEP} seconds, so that whatever the restart takes, the first one due after it is measured
 * soon after it, and the ones that fell during it are expired once the server is back.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod";
    static final int FIRST = 20;
    static final int STEP = 10;
    static final int COMMANDS = 10;

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** A submitted command: its id, when it is due, and its mailbox message. */
    record Submitted(String commandId, Instant due, String location, Mailbox box) {
    }

    @Test
    void commandExpiresOnTimeAcrossARestart() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        try {
            cancelLeftovers();
            Server.Client client = Server.newClient(null);
            List<Submitted> commands = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                int timeout = FIRST + i * STEP;
                Instant submittedAt = Instant.now();
                Reply submitted = client.api().submit("provision",
                        ProvisionCommands.provision().lifespan(timeout).timeout(timeout).build()).expectOk("submit");
                JsonObject destination = submitted.body().getJsonArray("destinations").getJsonObject(0);
                commands.add(new Submitted(submitted.string("commandId"), submittedAt.plusSeconds(timeout),
                        destination.getString("location"), Mailbox.fromUri(destination.getString("uri"))));
            }

            Instant restarted = Instant.now();
            ServerRestart.restart(controller);
            Instant back = Instant.now();
            // Measured: the first command due more than a step after the restart, so that every
            // earlier one, due during the restart or just after it, is expired before the count.
            Submitted measured = commands.stream().filter(c -> c.due().isAfter(back.plusSeconds(STEP + 2))).findFirst()
                    .orElseThrow(() -> new AssertionError("the restart took " + Duration.between(restarted, back).toSeconds()
                            + " s, longer than the deadlines reach"));
            List<Submitted> earlier = commands.subList(0, commands.indexOf(measured));
            for (Submitted due : earlier) {
                Duration untilDue = Duration.between(Instant.now(), due.due());
                assertEquals("EXPIRED", client.api().awaitState(due.commandId(), "EXPIRED",
                        Duration.ofSeconds(30).plus(untilDue.isNegative() ? Duration.ZERO : untilDue)).string("state"),
                        "due during the restart or just after it, expired once the server is back");
            }
            long fellDuringRestart = earlier.stream().filter(c -> c.due().isBefore(back)).count();
            assertTrue(Instant.now().isBefore(measured.due().minusSeconds(1)), "the earlier deadlines took until "
                    + Instant.now() + " to expire, too close to the measured one's, " + measured.due());
            assertEquals(200, client.device().get(measured.location(), measured.box().token()).status(),
                    "the message survives the restart");
            assertEquals("IN_PROGRESS", client.api().get(measured.commandId()).string("state"));

            Map<String, Double> before = MetricsScrape.scrape();
            String state = Await.until(Duration.between(Instant.now(), measured.due().plusSeconds(10)),
                    () -> client.api().get(measured.commandId()).string("state"), s -> !s.equals("IN_PROGRESS"));
            Duration seen = Duration.between(measured.due(), Instant.now());
            assertEquals("EXPIRED", state);
            // The server's own record of how late the expiry ran: its clock, its copy of the
            // deadline, and none of this test's polling. The next deadline is STEP seconds later.
            Map<String, Double> after = MetricsScrape.scrape();
            double lag = MetricsScrape.delta(before, after, "hermod_expiry_lag_seconds_sum");
            System.out.printf(Locale.ROOT, "Restart took %d ms; %d deadline(s) fell during it and were expired after it; the"
                            + " next expired %.0f ms after its timeout (seen by this test after %d ms)%n",
                    Duration.between(restarted, back).toMillis(), fellDuringRestart, lag * 1000, seen.toMillis());
            assertEquals(1, MetricsScrape.delta(before, after, "hermod_expiry_lag_seconds_count"), "expiries since the restart");
            assertTrue(lag < 2.0, "expired " + lag + " s after its timeout");
            assertEquals(410, client.device().get(measured.location(), measured.box().token()).status());
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    /**
     * Cancels what earlier restart tests left pending on this server: their deadlines would
     * otherwise expire inside the window this test counts expiries in.
     */
    private static void cancelLeftovers() {
        String operator = UemClient.basic(Server.ADMIN_USER, Server.ADMIN_PASSWORD);
        for (int round = 0; round < 20; round++) {
            Reply pending = Server.send(Server.request("/hermod/rest/admin/commands?state=IN_PROGRESS&limit=1000")
                    .header("Authorization", operator).GET());
            assertEquals(200, pending.status(), pending.raw());
            JsonArray left = Server.array(pending.raw());
            if (left.isEmpty()) {
                return;
            }
            for (JsonObject command : left.getValuesAs(JsonObject.class)) {
                Server.send(Server.request("/hermod/rest/admin/commands/" + command.getString("commandId"))
                        .header("Authorization", operator).DELETE());
            }
        }
        throw new AssertionError("commands left pending by earlier tests could not all be cancelled");
    }
}
