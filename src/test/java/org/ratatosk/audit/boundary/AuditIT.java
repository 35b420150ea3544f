package org.ratatosk.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.platform.MetricsScrape;
import org.ratatosk.testsupport.Server;

/** State changes of commands and API clients land in the chain, which the operator can verify. */
@ExtendWith(ArquillianExtension.class)
class AuditIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void commandAndClientChangesAreChainedAndVerified() {
        Server.Client client = Server.newClient(null);
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        assertEquals(200, client.api().cancel(commandId).status());

        JsonArray command = entries("command", commandId);
        assertEquals(2, command.size());
        JsonObject cancelled = command.getJsonObject(0);
        JsonObject submitted = command.getJsonObject(1);
        assertEquals("CANCELLED", cancelled.getString("action"));
        assertEquals(client.clientId(), cancelled.getString("actor"));
        assertEquals("SUBMITTED", submitted.getString("action"));
        assertEquals("PROV", submitted.getJsonObject("detail").getString("type"));
        assertTrue(cancelled.getJsonNumber("seq").longValue() > submitted.getJsonNumber("seq").longValue());

        JsonArray apiClient = entries("api-client", client.clientId());
        assertEquals(1, apiClient.size());
        assertEquals("CREATED", apiClient.getJsonObject(0).getString("action"));
        assertTrue(!apiClient.getJsonObject(0).toString().contains(client.key()));

        Reply verified = admin("/hermod/rest/admin/audit/verify");
        assertEquals(200, verified.status());
        assertEquals(true, verified.body().getBoolean("valid"));
        assertTrue(verified.body().getJsonNumber("entries").longValue() >= 3);
    }

    @Test
    void keyAndOneTimePasswordChangesAreChained() {
        String label = "audited-" + java.util.UUID.randomUUID();
        org.ratatosk.keys.boundary.KeyApi.createRsa(label, null);
        org.ratatosk.keys.boundary.KeyApi.selfSignCa(label, "Audited CA");
        assertTrue(org.ratatosk.keys.boundary.KeyApi.delete("key/" + label).status() / 100 == 2);
        JsonArray key = entries("key", label);
        assertEquals(java.util.List.of("DELETED", "SELF_SIGNED", "CREATED"),
                key.stream().map(e -> e.asJsonObject().getString("action")).toList());

        String user = "audited-" + java.util.UUID.randomUUID() + "@example.com";
        Reply otp = Server.send(Server.request("/hermod/rest/admin/uem/users/" + user + "/otp")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"validitySeconds\":60}")));
        assertEquals(200, otp.status());
        JsonArray issued = entries("otp", user);
        assertEquals(1, issued.size());
        assertEquals("ISSUED", issued.getJsonObject(0).getString("action"));
        assertTrue(!issued.getJsonObject(0).toString().contains(otp.string("otp")), "the password is never audited");
        assertEquals(true, admin("/hermod/rest/admin/audit/verify").body().getBoolean("valid"));
    }

    @Test
    void readingTheTrailWritesNothing() throws Exception {
        Server.Client client = Server.newClient(null);
        String commandId = client.api().submit("provision", ProvisionCommands.provision().build()).expectOk("submit")
                .string("commandId");
        assertEquals(1, entries("command", commandId).size(), "linked by the first read");
        Map<String, Double> before = MetricsScrape.scrape();
        for (int i = 0; i < 20; i++) {
            assertEquals(1, entries("command", commandId).size());
        }
        double written = MetricsScrape.delta(before, MetricsScrape.scrape(), "hermod_database_written_bytes");
        // one chunk a read was 8 KB and more on H2; the margin leaves room for a background task's commit
        assertTrue(written < 64 * 1024, "20 reads of the trail wrote " + written + " bytes");
    }

    @Test
    void auditIsForOperatorsOnly() {
        assertEquals(401, Server.send(Server.request("/hermod/rest/admin/audit/verify").GET()).status());
        Reply noSubject = admin("/hermod/rest/admin/audit?subjectType=command");
        assertEquals(400, noSubject.status());
        assertEquals("INVALID_FIELD", noSubject.string("code"));
        assertEquals(400, admin("/hermod/rest/admin/audit?subjectType=command&subjectId=x&limit=lots").status());
    }

    private static JsonArray entries(String type, String id) {
        Reply reply = admin("/hermod/rest/admin/audit?subjectType=" + type + "&subjectId=" + id);
        assertEquals(200, reply.status(), reply.raw());
        return Server.array(reply.raw());
    }

    private static Reply admin(String path) {
        String basic = Base64.getEncoder().encodeToString((Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return Server.send(Server.request(path).header("Authorization", "Basic " + basic).GET());
    }
}
