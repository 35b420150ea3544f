package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.AnswerOptions;
import org.ratatosk.devicesim.Fault;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.ProvisioningResult;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.messaging.boundary.Server;

/** The scrape reflects a provisioning that completes, one whose answer is refused, and one that expires. */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void provisioningOutcomesAreCounted() throws Exception {
        Map<String, Double> before = scrape();
        Server.Client client = Server.newClient(null);

        Reply completed = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult valid = client.device().provision(uri(completed), AnswerOptions.valid());
        assertEquals(200, valid.status());

        Reply refused = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit");
        ProvisioningResult wrongNonce = client.device().provision(uri(refused), AnswerOptions.with(Fault.WRONG_NONCE));
        assertEquals(422, wrongNonce.status());

        Reply expiring = client.api().submit("provision", ProvisionCommands.provision().lifespan(1).timeout(1).build())
                .expectOk("submit");
        assertEquals("EXPIRED", client.api().awaitState(expiring.string("commandId"), "EXPIRED", Duration.ofSeconds(20))
                .string("state"));

        Map<String, Double> after = scrape();
        assertEquals(3, delta(before, after, "hermod_commands_submitted_total{type=\"PROV\"}"));
        assertEquals(1, delta(before, after, "hermod_commands_finished_total{type=\"PROV\",state=\"COMPLETED\"}"));
        assertEquals(1, delta(before, after, "hermod_commands_finished_total{type=\"PROV\",state=\"FAILED\"}"));
        assertEquals(1, delta(before, after, "hermod_answer_validation_failures_total{reason=\"NONCE_MISMATCH\"}"));
        assertTrue(delta(before, after, "hermod_commands_finished_total{type=\"PROV\",state=\"EXPIRED\"}") >= 1);
        assertTrue(delta(before, after, "hermod_expiry_lag_seconds_count") >= 1);
        assertEquals(after.get("hermod_expiry_lag_seconds_count"), after.get("hermod_expiry_lag_seconds_bucket{le=\"+Inf\"}"));
    }

    private static String uri(Reply submitted) {
        return submitted.body().getJsonArray("destinations").getJsonObject(0).getString("uri");
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertTrue(after.containsKey(sample), sample + " not in the scrape: " + after.keySet());
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }

    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = Server.HTTP.send(Server.request("/hermod/rest/metrics").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        List<String> type = List.of(response.headers().firstValue("Content-Type").orElse("").replace(" ", "").split(";"));
        assertEquals("text/plain", type.get(0));
        assertTrue(type.contains("version=0.0.4"), type.toString());
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
