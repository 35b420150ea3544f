package org.ratatosk.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.boundary.UemClient;

/** The operator's view of commands across clients: newest first, filtered by state and type. */
@ExtendWith(ArquillianExtension.class)
class AdminCommandsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void listsCommandsOfEveryClientNewestFirst() {
        Server.Client first = Server.newClient(null);
        Server.Client second = Server.newClient(null);
        String older = submit(first, "older");
        String cancelled = submit(first, "cancelled");
        first.api().cancel(cancelled).expectOk("cancel");
        String newest = submit(second, "newest");

        JsonArray all = list("?limit=1000");
        List<String> ids = all.getValuesAs(JsonObject.class).stream().map(c -> c.getString("commandId")).toList();
        assertTrue(ids.indexOf(newest) >= 0 && ids.indexOf(newest) < ids.indexOf(cancelled)
                && ids.indexOf(cancelled) < ids.indexOf(older), ids.toString());
        JsonObject newestEnvelope = all.getJsonObject(ids.indexOf(newest));
        assertEquals(second.clientId(), newestEnvelope.getString("clientId"));
        assertEquals("PROV", newestEnvelope.getString("commandType"));
        assertEquals("IN_PROGRESS", newestEnvelope.getString("state"));
        assertEquals("newest-" + second.clientId(), newestEnvelope.getString("externalId"));
        assertEquals(first.clientId(), all.getJsonObject(ids.indexOf(older)).getString("clientId"));

        JsonArray one = list("?limit=1");
        assertEquals(1, one.size());
        assertEquals(all.getJsonObject(0).getString("commandId"), one.getJsonObject(0).getString("commandId"));
    }

    @Test
    void filtersByStateAndType() {
        Server.Client client = Server.newClient(null);
        String open = submit(client, "open");
        String cancelled = submit(client, "closed");
        client.api().cancel(cancelled).expectOk("cancel");

        for (String type : List.of("provision", "PROV")) {
            JsonArray found = list("?state=CANCELLED&type=" + type + "&limit=1000");
            List<String> ids = found.getValuesAs(JsonObject.class).stream().map(c -> c.getString("commandId")).toList();
            assertTrue(ids.contains(cancelled), ids.toString());
            assertTrue(!ids.contains(open), ids.toString());
            found.getValuesAs(JsonObject.class).forEach(c -> {
                assertEquals("CANCELLED", c.getString("state"));
                assertEquals("PROV", c.getString("commandType"));
            });
        }
        assertEquals(0, list("?type=ping&state=in_progress&limit=1000").getValuesAs(JsonObject.class).stream()
                .filter(c -> !c.getString("commandType").equals("PING") || !c.getString("state").equals("IN_PROGRESS")).count());
    }

    @Test
    void refusesBadQueriesAndStrangers() {
        for (String query : List.of("?limit=0", "?limit=1001", "?limit=ten", "?state=DONE", "?type=nothing")) {
            Reply reply = Server.send(Server.request("/hermod/rest/admin/commands" + query).header("Authorization", operator()).GET());
            assertEquals(400, reply.status(), query);
            assertEquals("INVALID_FIELD", reply.string("code"), query);
        }
        Reply anonymous = Server.send(Server.request("/hermod/rest/admin/commands").GET());
        assertEquals(401, anonymous.status());
        assertEquals("UNAUTHORIZED", anonymous.string("code"));
        Server.Client client = Server.newClient(null);
        Reply apiClient = Server.send(Server.request("/hermod/rest/admin/commands")
                .header("X-Api-Key", Base64.getEncoder().encodeToString((client.clientId() + ":" + client.key())
                        .getBytes(StandardCharsets.UTF_8))).GET());
        assertEquals(401, apiClient.status());
    }

    private static String submit(Server.Client client, String externalId) {
        return client.api().submit("provision", ProvisionCommands.provision().externalId(externalId + "-" + client.clientId())
                .build()).expectOk("submit").string("commandId");
    }

    private static JsonArray list(String query) {
        Reply reply = Server.send(Server.request("/hermod/rest/admin/commands" + query).header("Authorization", operator()).GET());
        assertEquals(200, reply.status(), reply.raw());
        return Server.array(reply.raw());
    }

    private static String operator() {
        return UemClient.basic(Server.ADMIN_USER, Server.ADMIN_PASSWORD);
    }
}
