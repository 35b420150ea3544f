package org.ratatosk.tokens.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.keys.boundary.TestCertificates;
import org.ratatosk.testsupport.Await;
import org.ratatosk.testsupport.Server;
import org.ratatosk.tokens.control.TestTokens;

/**
 * The HSM goes away (its SoftHSM token store is moved aside) and comes back: meanwhile key calls
 * answer 503 HSM_UNAVAILABLE and health says the HSM is down; afterwards the same server signs again.
 */
@ExtendWith(ArquillianExtension.class)
class HsmOutageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void needsSoftHsm() {
        TestTokens.assumeSoftHsm();
    }

    static Reply health() {
        return Server.send(Server.request("/hermod/rest/health").GET());
    }

    static Reply sign(String ca) {
        return KeyApi.post("certificate/sign", KeyApi.signBody(ca, TestCertificates.csr(TestCertificates.rsa(), "CN=outage"),
                1, List.of("DIGITAL_SIGNATURE"), List.of()));
    }

    @Test
    void keyCallsAnswer503WhileTheHsmIsGoneAndWorkAgainWhenItReturns() throws Exception {
        String ca = "outage-" + UUID.randomUUID();
        KeyApi.createRsa(ca, null);
        KeyApi.selfSignCa(ca, "Outage CA");
        sign(ca).expectOk("sign before");
        assertEquals("UP", health().body().getJsonObject("checks").getJsonObject("hsm").getString("status"));

        Path tokens = TestTokens.softHsmDir().resolve("tokens");
        Path away = TestTokens.softHsmDir().resolve("tokens.away");
        Files.move(tokens, away);
        try {
            Reply refused = sign(ca);
            assertEquals(503, refused.status(), refused.raw());
            assertEquals("HSM_UNAVAILABLE", refused.string("code"));
            assertEquals(700, refused.body().getInt("errorCode"));
            Reply down = health();
            assertEquals(503, down.status());
            JsonObject hsm = down.body().getJsonObject("checks").getJsonObject("hsm");
            assertEquals("DOWN", hsm.getString("status"));
            assertEquals("UP", down.body().getJsonObject("checks").getJsonObject("database").getString("status"));
            assertEquals(503, KeyApi.post("key", KeyApi.key("during-" + UUID.randomUUID(), "RSA", 2048,
                    KeyApi.attributes(true, true, true), null)).status());
        } finally {
            Files.move(away, tokens);
        }
        Reply health = Await.until(Duration.ofSeconds(15), Duration.ofMillis(250), () -> health(), h -> h.status() == 200);
        assertEquals(200, health.status(), health.raw());
        assertEquals("UP", health.body().getJsonObject("checks").getJsonObject("hsm").getString("status"));
        Reply again = sign(ca).expectOk("sign after the HSM returned");
        assertTrue(again.string("certificate").startsWith("-----BEGIN CERTIFICATE-----"));
    }
}
