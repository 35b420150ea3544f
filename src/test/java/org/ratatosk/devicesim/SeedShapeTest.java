package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.Seeds;

/** The simulator's answer has the members of the real answer captured in seed 000, and that answer reads the same way. */
class SeedShapeTest {

    @Test
    void answerHasTheMembersOfSeed000sAnswer() {
        JwsParts seed = JwsParts.of(seedAnswer());
        String seedKey = seed.payload().getJsonObject("profile").getJsonArray("signedkeys").getString(0);
        assertTrue(Jws.verifies(seedAnswer(), JwsParts.key(seed.header().getJsonObject("jwk"))), "seed answer verifies with its own jwk");
        assertTrue(Jws.verifies(seedKey, JwsParts.key(JwsParts.of(seedKey).payload())), "seed signed key verifies with itself");

        ProvisioningAnswer ours = new SimulatedDevice(AttestationKeys.generate(), HttpClient.newHttpClient())
                .buildProvisioningAnswer(DeliveredMessages.provisioning(ProvisionCommands.provision().build()), AnswerOptions.valid());
        JwsParts mine = JwsParts.of(ours.jws());
        JwsParts mineKey = JwsParts.of(ProvisioningAnswersTest.signedKey(ours, 0));

        Set<String> seedHeader = new HashSet<>(seed.header().keySet());
        seedHeader.remove("sch"); // an app-internal member the contract does not ask for
        assertEquals(seedHeader, mine.header().keySet());
        assertEquals(seed.header().getJsonObject("jwk").keySet(), mine.header().getJsonObject("jwk").keySet());
        assertEquals(seed.payload().keySet(), mine.payload().keySet());
        assertEquals(seed.payload().getJsonObject("profile").keySet(), mine.payload().getJsonObject("profile").keySet());
        assertEquals(JwsParts.of(seedKey).header().keySet(), mineKey.header().keySet());
        assertEquals(JwsParts.of(seedKey).payload().keySet(), mineKey.payload().keySet());
    }

    private static String seedAnswer() {
        return Seeds.find("000", "\"data\" : \"([A-Za-z0-9_.-]+)\"", "the provisioning answer");
    }
}
