package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.devicesim.Reply;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Server;

/**
 * Eight requests at once creating the same caller-chosen id: one creates, the others replace it
 * or are refused with 409; none gets a 500, and what the winner made stays whole.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentCreationIT {

    static final int CALLS = 8;
    static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @ArquillianResource
    URL base;

    static List<Reply> atOnce(Supplier<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Reply> all = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                all.add(reply.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Integer> byStatus(List<Reply> replies) {
        Map<Integer, Integer> counts = new TreeMap<>();
        replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    static Reply admin(String method, String path, String body) {
        HttpRequest.Builder request = Server.request("/hermod/rest/admin/" + path).header("Authorization", OPERATOR)
                .header("Content-Type", "application/json");
        return Server.send(body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    static List<String> auditActions(String subjectType, String subjectId) {
        Reply entries = admin("GET", "audit?subjectType=" + subjectType + "&subjectId=" + subjectId + "&limit=100", null);
        assertEquals(200, entries.status(), entries.raw());
        JsonArray array = Server.array(entries.raw());
        List<String> actions = new ArrayList<>();
        array.forEach(e -> actions.add(e.asJsonObject().getString("action")));
        return actions;
    }

    @Test
    void concurrentPutsOfANewApiClientCreateItOnceAndReplaceItOrConflict() throws Exception {
        String clientId = "race-" + UUID.randomUUID();
        List<Reply> replies = atOnce(() -> admin("PUT", "clients/" + clientId,
                "{\"key\":\"" + UUID.randomUUID() + "\",\"callbackUrl\":\"http://127.0.0.1:9/rest\",\"attestationKeys\":[]}"));
        Map<Integer, Integer> statuses = byStatus(replies);
        assertEquals(CALLS, statuses.getOrDefault(200, 0) + statuses.getOrDefault(409, 0), statuses.toString());
        assertTrue(statuses.getOrDefault(200, 0) >= 1, statuses.toString());
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("CONCURRENT_CHANGE", r.string("code")));

        assertEquals(200, admin("GET", "clients/" + clientId, null).status());
        List<String> actions = auditActions("api-client", clientId);
        assertEquals(1, actions.stream().filter("CREATED"::equals).count(), actions.toString());
        assertEquals(statuses.get(200).longValue(), actions.size(), "one audit entry per accepted call: " + actions);
    }

    @Test
    void concurrentOneTimePasswordsForANewUserAreIssuedOnceEachOrConflict() throws Exception {
        String user = "race-" + UUID.randomUUID();
        List<Reply> replies = atOnce(() -> admin("POST", "uem/users/" + user + "/otp", "{\"validitySeconds\":600}"));
        Map<Integer, Integer> statuses = byStatus(replies);
        assertEquals(CALLS, statuses.getOrDefault(200, 0) + statuses.getOrDefault(409, 0), statuses.toString());
        assertEquals(statuses.get(200).longValue(), auditActions("otp", user).size());
    }

    @Test
    void concurrentCreationOfOneKeyLabelMakesOneKeyThatStaysUsable() throws Exception {
        String label = "race-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject body = KeyApi.key(label, "EC", 256, KeyApi.attributes(true, true, true), null);
        JsonObject ec = jakarta.json.Json.createObjectBuilder(body).remove("keySize").add("curveOid", "1.2.840.10045.3.1.7").build();
        List<Reply> replies = atOnce(() -> KeyApi.post("key", ec));
        Map<Integer, Integer> statuses = byStatus(replies);
        assertEquals(Map.of(200, 1, 409, CALLS - 1), statuses, replies.stream().map(Reply::raw).toList().toString());
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("KEY_EXISTS", r.string("code")));

        String certificate = KeyApi.selfSignCa(label, "Race " + label);
        assertTrue(certificate.contains("BEGIN CERTIFICATE"), "the winner's key signs: its material was not removed by a loser");
        assertEquals(1, auditActions("key", label).stream().filter("CREATED"::equals).count());
    }
}
