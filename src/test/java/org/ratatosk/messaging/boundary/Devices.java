package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;

/** Provisioned simulated devices for the tests of the commands that follow provisioning. */
public final class Devices {

    private Devices() {
    }

    /** Provisions one device of the client for {@code command}'s user; fails the test unless it works. */
    public static ProvisioningResult provision(Server.Client client, ProvisionCommands command) {
        Reply submitted = client.api().submit("provision", command.build()).expectOk("submit");
        ProvisioningResult result = client.device().provision(
                submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri"), AnswerOptions.valid());
        assertEquals(200, result.status(), String.valueOf(result.body()));
        assertEquals("COMPLETED", client.api().awaitState(submitted.string("commandId"), "COMPLETED",
                java.time.Duration.ofSeconds(10)).string("state"));
        return result;
    }
}
