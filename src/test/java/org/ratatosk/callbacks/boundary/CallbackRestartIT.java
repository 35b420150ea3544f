package org.ratatosk.callbacks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;
import org.ratatosk.testsupport.ServerRestart;

/**
 * A callback owed when the server stops is still delivered after it starts again: the receiver is
 * down while the command completes and during the restart, and comes up only afterwards. The
 * restartable test server retries every second for up to ten minutes (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class CallbackRestartIT {

    static final String CONTAINER = Server.restartableContainer();
    static final String DEPLOYMENT = "hermod";
    static final String ADMIN = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void callbackOwedBeforeARestartIsDeliveredAfterIt() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        CallbackReceiver receiver = CallbackReceiver.notStarted();
        try {
            Server.Client client = Server.newClient(receiver.url());
            Reply submitted = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
            String commandId = submitted.string("commandId");
            ProvisioningResult provisioned = client.device().provision(
                    submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
            assertEquals(200, provisioned.status(), "the device's answer does not wait for the callback");
            JsonObject pending = client.api().get(commandId).body();
            assertEquals("COMPLETED", pending.getString("state"));
            assertEquals("PENDING", awaitAttempt(client, commandId).getString("state"));

            ServerRestart.restart(controller);
            receiver.start();

            List<CallbackReceiver.Received> posts = receiver.await(commandId, 1, Duration.ofSeconds(30));
            assertTrue(posts.size() >= 1, "delivered at least once after the restart");
            assertEquals("COMPLETED", posts.get(0).body().getString("state"));
            assertEquals("/app/rest/callback/provision", posts.get(0).path());
            assertTrue(posts.stream().map(CallbackReceiver.Received::deliveryId).distinct().count() == 1);
            JsonObject callback = Await.until(Duration.ofSeconds(30),
                    () -> client.api().get(commandId).body().getJsonObject("callback"),
                    c -> "DELIVERED".equals(c.getString("state")));
            assertEquals("DELIVERED", callback.getString("state"));
            assertTrue(callback.getInt("attempts") >= 2, callback.toString());
            assertTrue(callback.getString("lastError").startsWith("ConnectException"), callback.toString());
            List<JsonObject> attempts = Pages.all("/hermod/rest/admin/commands/" + commandId + "/callback/attempts",
                    "Authorization", ADMIN).getValuesAs(JsonObject.class);
            assertEquals(callback.getInt("attempts"), attempts.size(), "one row per attempt, across the restart");
            for (int i = 0; i < attempts.size() - 1; i++) {
                assertEquals(i + 1, attempts.get(i).getInt("attempt"));
                assertFalse(attempts.get(i).containsKey("httpStatus"), attempts.get(i).toString());
                assertTrue(attempts.get(i).getString("error").startsWith("ConnectException"), attempts.get(i).toString());
            }
            JsonObject delivering = attempts.get(attempts.size() - 1);
            assertEquals(attempts.size(), delivering.getInt("attempt"));
            assertEquals(204, delivering.getInt("httpStatus"));
            assertFalse(delivering.containsKey("error"), delivering.toString());
            System.out.println("Callback delivered after the restart: " + callback + ", " + posts.size() + " POST(s)");
        } finally {
            receiver.close();
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    /** Waits for the first failed attempt, so the restart interrupts a delivery in its retry schedule. */
    private static JsonObject awaitAttempt(Server.Client client, String commandId) {
        JsonObject callback = Await.until(Duration.ofSeconds(10),
                () -> client.api().get(commandId).body().getJsonObject("callback"),
                c -> c != null && c.getInt("attempts") >= 1);
        if (callback != null && callback.getInt("attempts") >= 1) {
            return callback;
        }
        throw new AssertionError("no callback attempt recorded: " + callback);
    }
}
