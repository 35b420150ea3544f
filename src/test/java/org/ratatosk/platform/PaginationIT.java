package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;

/**
 * The operator's and the key API's lists a page at a time: the body stays a bare array, the next
 * page is named in headers, and pages hold steady while rows are added between them.
 */
@ExtendWith(ArquillianExtension.class)
class PaginationIT {

    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void commandsPageByCursorAndStayStableUnderInserts() {
        Server.Client client = Server.newClient(null);
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(client, "user-" + i));
        }
        String path = "/hermod/rest/admin/commands?clientId=" + client.clientId() + "&limit=2";
        HttpResponse<String> first = get(path);
        JsonArray firstPage = Pages.array(first);
        assertEquals(List.of(submitted.get(4), submitted.get(3)), ids(firstPage));
        assertEquals(client.clientId(), firstPage.getJsonObject(0).getString("clientId"));
        String cursor = Pages.nextCursor(first).orElseThrow();
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertEquals("</hermod/rest/admin/commands?clientId=" + client.clientId() + "&limit=2&after=" + cursor + ">; rel=\"next\"",
                first.headers().firstValue("Link").orElseThrow());

        String newer = submit(client, "user-new");
        HttpResponse<String> second = get(path + "&after=" + cursor);
        assertEquals(List.of(submitted.get(2), submitted.get(1)), ids(Pages.array(second)), "the new command shifts nothing");
        HttpResponse<String> third = get(path + "&after=" + Pages.nextCursor(second).orElseThrow());
        assertEquals(List.of(submitted.get(0)), ids(Pages.array(third)));
        assertTrue(Pages.nextCursor(third).isEmpty(), "no header on the last page");
        assertTrue(third.headers().firstValue("Link").isEmpty());
        assertEquals(newer, ids(Pages.array(get(path))).get(0));

        // a page of exactly the rest has no next page
        HttpResponse<String> exact = get("/hermod/rest/admin/commands?clientId=" + client.clientId() + "&limit=6");
        assertEquals(6, Pages.array(exact).size());
        assertTrue(Pages.nextCursor(exact).isEmpty());
        // limits up to 1000 are still accepted; a page holds at most 100
        assertTrue(Pages.array(get("/hermod/rest/admin/commands?limit=1000")).size() <= 100);
    }

    @Test
    void commandsFilterByClientUserAndCreationTime() throws Exception {
        Server.Client client = Server.newClient(null);
        Server.Client other = Server.newClient(null);
        String user = "pager-" + UUID.randomUUID();
        Instant before = Instant.now();
        String mine = submit(client, user);
        // Read after mine was answered and before later is sent: the server stamped mine before this
        // instant and stamps later after it, on the same clock, a round trip apart either way.
        Instant between = Instant.now();
        String later = submit(client, "someone-else");
        String theirs = submit(other, user);

        assertEquals(List.of(theirs, mine), ids(Pages.array(get("/hermod/rest/admin/commands?user=" + user))));
        assertEquals(List.of(mine), ids(Pages.array(get("/hermod/rest/admin/commands?user=" + user + "&clientId=" + client.clientId()))));
        assertEquals(List.of(mine), ids(Pages.array(get("/hermod/rest/admin/commands?clientId=" + client.clientId()
                + "&from=" + before + "&to=" + between))));
        assertEquals(List.of(later), ids(Pages.array(get("/hermod/rest/admin/commands?clientId=" + client.clientId()
                + "&from=" + between + "&state=IN_PROGRESS&type=provision"))));
        assertEquals(List.of(), ids(Pages.array(get("/hermod/rest/admin/commands?clientId=" + client.clientId() + "&state=COMPLETED"))));

        for (String query : List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "from=" + between + "&to=" + before,
                "after=not-a-cursor!", "after=" + Base64.getUrlEncoder().withoutPadding().encodeToString("[\"x\"]".getBytes()),
                "after=" + Base64.getUrlEncoder().withoutPadding().encodeToString("[\"yesterday\",\"x\"]".getBytes()),
                "after=AAAA", "limit=0", "limit=1001", "clientId=")) {
            HttpResponse<String> refused = get("/hermod/rest/admin/commands?" + query);
            assertEquals(400, refused.statusCode(), query + " " + refused.body());
            assertTrue(refused.body().contains("\"code\":\"INVALID_FIELD\""), query + " " + refused.body());
        }
    }

    @Test
    void clientsKeysAndAuditEntriesPageToo() {
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(Server.newClient(null).clientId());
        }
        List<String> listed = new ArrayList<>();
        Pages.all("/hermod/rest/admin/clients?limit=2", "Authorization", BASIC).getValuesAs(JsonObject.class)
                .forEach(c -> listed.add(c.getString("clientId")));
        assertTrue(listed.containsAll(clients), listed.toString());
        assertEquals(listed.stream().sorted().toList(), listed, "by id");
        assertEquals(listed.stream().distinct().count(), listed.size(), "each once");
        HttpResponse<String> page = get("/hermod/rest/admin/clients?limit=1");
        assertEquals(1, Pages.array(page).size());
        assertTrue(Pages.nextCursor(page).isPresent());
        assertEquals(400, get("/hermod/rest/admin/clients?limit=101").statusCode());
        assertEquals(400, get("/hermod/rest/admin/clients?after=%25%25").statusCode());
        assertTrue(Pages.array(get("/hermod/rest/admin/clients")).size() <= 100);

        String prefix = "pager-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 3; i++) {
            KeyApi.createRsa(prefix + i, null);
        }
        List<String> labels = Pages.all("/hermod/rest/v1/key?limit=2", "Authorization", BASIC).getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList();
        assertTrue(labels.containsAll(List.of(prefix + 0, prefix + 1, prefix + 2)), labels.toString());
        assertEquals(labels.stream().distinct().count(), labels.size());
        HttpResponse<String> keys = get("/hermod/rest/v1/key?limit=1");
        assertTrue(Pages.array(keys).get(0) instanceof JsonString, "still TSB's bare array of labels");
        assertEquals(400, get("/hermod/rest/v1/key?limit=101").statusCode());
        HttpResponse<String> unpaged = get("/hermod/rest/v1/key");
        assertTrue(Pages.nextCursor(unpaged).isEmpty(), "a TSB client's list is never cut into pages");
        assertEquals(labels.stream().sorted().toList(), Pages.array(unpaged).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).sorted().toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(204, KeyApi.delete("key/" + prefix + i).status());
        }

        String audited = clients.get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Server.send(Server.request("/hermod/rest/admin/clients/" + audited).header("Authorization", BASIC)
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"key\":\"another-long-random-api-key-" + i + "\",\"attestationKeys\":[]}"))).status());
        }
        String auditPath = "/hermod/rest/admin/audit?subjectType=api-client&subjectId=" + audited;
        JsonArray all = Pages.array(get(auditPath));
        assertEquals(4, all.size(), all.toString());
        JsonArray paged = Pages.all(auditPath + "&limit=3", "Authorization", BASIC);
        assertEquals(all, paged);
        HttpResponse<String> firstAudit = get(auditPath + "&limit=3");
        assertTrue(firstAudit.headers().firstValue("Link").orElseThrow().contains("subjectType=api-client&subjectId=" + audited));
        assertFalse(Pages.nextCursor(get(auditPath + "&limit=4")).isPresent());
    }

    static String submit(Server.Client client, String user) {
        return client.api().submit("provision", ProvisionCommands.provision().userid(user).build())
                .expectOk("submit").string("commandId");
    }

    static List<String> ids(JsonArray commands) {
        return commands.getValuesAs(JsonObject.class).stream().map(c -> c.getString("commandId")).toList();
    }

    static HttpResponse<String> get(String path) {
        return Pages.get(path, "Authorization", BASIC);
    }
}
