package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;

/**
 * Every protected operation, called without credentials through paths that the router and a
 * naive prefix check read differently, is refused and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class GuardedPathsIT {

    private static final String REST = "/hermod/rest";
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final RawHttp http = new RawHttp(Server.baseUrl());

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    record Operation(String method, String template, String scheme) {
    }

    /** The operations openapi.json marks with a security scheme: what the guards declare. */
    private List<Operation> protectedOperations() {
        RawHttp.Answer answer = http.send("GET", REST + "/openapi.json", Map.of(), null);
        assertEquals(200, answer.status());
        JsonObject paths = Server.object(answer.body()).getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            JsonArray security = operation.asJsonObject().getJsonArray("security");
            if (security != null) {
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path,
                        security.getJsonObject(0).keySet().iterator().next()));
            }
        }));
        return operations;
    }

    /** The same path as the router sees it, written the ways an attacker would write it. */
    static Set<String> variants(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            variants.add(REST + "/" + join(segments, i, ";x=1", "/"));
            variants.add(REST + "/" + join(segments, i, ";", "/"));
            variants.add(REST + "/" + join(segments, i, "%3Bx=1", "/"));
            if (i < segments.length - 1) {
                variants.add(REST + "/" + joinAt(segments, i, "%2F"));
                variants.add(REST + "/" + joinAt(segments, i, "%2f"));
                variants.add(REST + "/" + joinAt(segments, i, "//"));
                variants.add(REST + "/" + joinAt(segments, i, "/./"));
                variants.add(REST + "/" + joinAt(segments, i, "/" + segments[i + 1] + "/../"));
            }
        }
        variants.add(REST + "/./" + path.substring(1));
        variants.add(REST + "/health/../" + path.substring(1));
        variants.add(REST + "/health/%2E%2E/" + path.substring(1));
        variants.add(REST + "//" + path.substring(1));
        variants.add("/hermod//rest/" + path.substring(1));
        variants.add(REST + path + "/");
        variants.add(REST + path + ";");
        variants.add(REST + "/" + segments[0].toUpperCase(Locale.ROOT) + path.substring(1 + segments[0].length()));
        variants.add(REST + "/" + segments[0].substring(0, 1).toUpperCase(Locale.ROOT) + path.substring(2));
        variants.add(REST + path);
        return variants;
    }

    private static String join(String[] segments, int at, String suffix, String separator) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            joined.append(i == 0 ? "" : separator).append(segments[i]).append(i == at ? suffix : "");
        }
        return joined.toString();
    }

    private static String joinAt(String[] segments, int at, String separator) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            joined.append(i == 0 ? "" : i == at + 1 ? separator : "/").append(segments[i]);
        }
        return joined.toString();
    }

    @Test
    void everyProtectedOperationRefusesCallersWithoutCredentialsWhateverThePathLooksLike() {
        String victim = "victim-" + UUID.randomUUID();
        String victimKey = "victim-" + UUID.randomUUID();
        String evil = "evil-" + UUID.randomUUID();
        assertEquals(200, admin("PUT", "/admin/clients/" + victim, clientBody()).status());
        KeyApi.post("key", ecKey(victimKey)).expectOk("victim key");
        String victimBefore = admin("GET", "/admin/clients/" + victim, null).body();
        String keyBefore = admin("GET", "/v1/key/" + victimKey, null).body();
        String clientAuditBefore = admin("GET", "/admin/audit?subjectType=api-client&subjectId=" + victim, null).body();
        String keyAuditBefore = admin("GET", "/admin/audit?subjectType=key&subjectId=" + victimKey, null).body();

        List<Operation> operations = protectedOperations();
        assertTrue(operations.size() >= 25, "openapi.json marks only " + operations);
        Set<String> names = new LinkedHashSet<>();
        operations.forEach(o -> names.add(o.method() + " " + o.template()));
        assertTrue(names.containsAll(List.of("PUT /admin/clients/{clientId}", "GET /admin/clients", "GET /admin/commands",
                "GET /admin/audit/verify", "POST /v1/key", "GET /v1/request/{id}", "DELETE /v1/request/{id}",
                "POST /v1/certificate/sign", "POST /command/{type}", "POST /admin/uem/users/{user}/otp")), names.toString());

        List<String> passed = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            String path = operation.template().replace("{clientId}", victim).replace("{label}", victimKey)
                    .replace("{user}", evil).replace("{name}", evil).replace("{type}", "provision")
                    .replace("{commandId}", UUID.randomUUID().toString()).replace("{id}", UUID.randomUUID().toString())
                    .replace("{length}", "16").replaceAll("\\{[^}]+}", evil);
            String body = body(operation, evil);
            for (String target : variants(path)) {
                for (String method : "GET".equals(operation.method()) ? List.of("GET", "HEAD") : List.of(operation.method())) {
                    RawHttp.Answer answer = http.send(method, target, Map.of(), List.of("GET", "HEAD", "DELETE").contains(method) ? null : body);
                    requests++;
                    String what = method + " " + target + " -> " + answer.status();
                    if (answer.status() != 401 && answer.status() != 404 && !routerRefusedTheMethod(answer)) {
                        passed.add(what + " " + answer.body());
                    } else if (answer.status() == 401 && "operator".equals(operation.scheme())) {
                        String challenge = answer.header("WWW-Authenticate");
                        if (challenge == null || !challenge.startsWith("Basic realm=\"hermod\"")) {
                            passed.add(what + " with challenge " + challenge);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), passed, "answers other than 401 (Basic challenge), 404 or 405, of " + requests);

        assertEquals(victimBefore, admin("GET", "/admin/clients/" + victim, null).body(), "the client is unchanged");
        assertEquals(keyBefore, admin("GET", "/v1/key/" + victimKey, null).body(), "the key is unchanged");
        assertEquals(404, admin("GET", "/admin/clients/" + victim + "/enrollment", null).status(), "no enrollment policy");
        assertEquals(404, admin("GET", "/v1/key/" + evil, null).status(), "no key was created");
        assertEquals(404, admin("GET", "/admin/tsb-keys/" + evil, null).status(), "no TSB API key was created");
        assertEquals(404, admin("GET", "/admin/tsb-certificates/" + evil, null).status(), "no TSB client certificate was mapped");
        // every page of the lists, not just the first
        assertFalse(Pages.all("/hermod/rest/admin/clients", "Authorization", OPERATOR).toString().contains(evil));
        assertFalse(Pages.all("/hermod/rest/v1/key", "Authorization", OPERATOR).toString().contains(evil));
        assertEquals(clientAuditBefore, admin("GET", "/admin/audit?subjectType=api-client&subjectId=" + victim, null).body());
        assertEquals(keyAuditBefore, admin("GET", "/admin/audit?subjectType=key&subjectId=" + victimKey, null).body());
        assertEquals("[]", admin("GET", "/admin/audit?subjectType=otp&subjectId=" + evil, null).body().replace(" ", ""));
    }

    @Test
    void theChallengeOfTheOperatorGuardIsBasic() {
        for (String target : List.of(REST + "/admin/clients", REST + "/v1/key", REST + "/admin;x=1/clients")) {
            RawHttp.Answer answer = http.send("GET", target, Map.of(), null);
            assertEquals(401, answer.status(), target);
            assertEquals("Basic realm=\"hermod\", charset=\"UTF-8\"", answer.header("WWW-Authenticate"), target);
            JsonObject error = Server.object(answer.body());
            assertEquals("UNAUTHORIZED", error.getString("code"));
            assertNotNull(error.getString("message"));
        }
    }

    @Test
    void theChallengeOfTheMessagingApiNamesItsKey() {
        String missing = REST + "/command/" + UUID.randomUUID();
        String wrongKey = Base64.getEncoder().encodeToString("nobody:wrong-key".getBytes(StandardCharsets.UTF_8));
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Api-Key", wrongKey))) {
            RawHttp.Answer answer = http.send("GET", missing, headers, null);
            assertEquals(401, answer.status(), headers.toString());
            assertEquals("X-Api-Key realm=\"hermod\"", answer.header("WWW-Authenticate"), headers.toString());
        }
    }

    @Test
    void methodOverrideHeadersDoNotReachAnotherOperation() {
        String evil = "evil-" + UUID.randomUUID();
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            RawHttp.Answer answer = http.send("GET", REST + "/admin/clients/" + evil, Map.of(header, "PUT"), null);
            assertEquals(401, answer.status(), header);
            RawHttp.Answer post = http.send("POST", REST + "/health", Map.of(header, "PUT"), clientBody());
            assertTrue(post.status() == 405 || post.status() == 401 || post.status() == 415, header + " " + post.status());
        }
        assertEquals(404, admin("GET", "/admin/clients/" + evil, null).status());
    }

    @Test
    void tenWrongPasswordsLockAUserOutWith429AndRetryAfter() {
        String user = "locked-" + UUID.randomUUID();
        String wrong = "Basic " + Base64.getEncoder().encodeToString((user + ":guess").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            assertEquals(401, http.send("GET", REST + "/admin/clients", Map.of("Authorization", wrong), null).status(), "attempt " + i);
        }
        RawHttp.Answer locked = http.send("GET", REST + "/admin/clients", Map.of("Authorization", wrong), null);
        assertEquals(429, locked.status());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        JsonObject error = Server.object(locked.body());
        assertEquals("TOO_MANY_ATTEMPTS", error.getString("code"));
        assertEquals(String.valueOf(retryAfter), error.getJsonObject("details").getString("retryAfter"));
        assertEquals(200, admin("GET", "/admin/clients", null).status(), "the operator's own user is not locked out");
    }

    @Test
    void tenWrongKeysLockAnApiClientOutEvenForItsRightKey() {
        Server.Client client = Server.newClient(null);
        String wrong = Base64.getEncoder().encodeToString((client.clientId() + ":not-the-key-at-all").getBytes(StandardCharsets.UTF_8));
        String right = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.key()).getBytes(StandardCharsets.UTF_8));
        String command = REST + "/command?externalId=x";
        assertEquals(200, http.send("GET", command, Map.of("X-Api-Key", right), null).status());
        for (int i = 0; i < 10; i++) {
            assertEquals(401, http.send("GET", command, Map.of("X-Api-Key", wrong), null).status(), "attempt " + i);
        }
        RawHttp.Answer locked = http.send("GET", command, Map.of("X-Api-Key", right), null);
        assertEquals(429, locked.status(), "the right key during the lockout");
        assertTrue(Long.parseLong(locked.header("Retry-After")) > 0);
        assertEquals("TOO_MANY_ATTEMPTS", Server.object(locked.body()).getString("code"));
        Server.Client other = Server.newClient(null);
        String otherKey = Base64.getEncoder().encodeToString((other.clientId() + ":" + other.key()).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, http.send("GET", command, Map.of("X-Api-Key", otherKey), null).status(), "other clients carry on");
    }

    /**
     * An encoded slash keeps {@code key/x%2Fblock} one segment, so the router finds {@code key/{label}}
     * and no POST on it: a 405 before any resource method, which is as good a refusal as a 404.
     */
    private static boolean routerRefusedTheMethod(RawHttp.Answer answer) {
        return answer.status() == 405 && "METHOD_NOT_ALLOWED".equals(Server.object(answer.body()).getString("code"));
    }

    private RawHttp.Answer admin(String method, String path, String body) {
        return http.send(method, REST + path, Map.of("Authorization", OPERATOR), body);
    }

    private static String body(Operation operation, String evil) {
        String template = operation.template();
        if (template.equals("/admin/clients/{clientId}")) {
            return clientBody();
        }
        if (template.equals("/v1/key")) {
            return ecKey(evil).toString();
        }
        if (template.endsWith("/otp")) {
            return "{\"validitySeconds\":600}";
        }
        if (template.endsWith("/enrollment")) {
            return "{\"caKey\":\"" + evil + "\",\"validity\":30,\"keyUsage\":[\"DIGITAL_SIGNATURE\"]}";
        }
        if (template.endsWith("/attributes")) {
            return "{\"attributes\":{\"destroyable\":true}}";
        }
        return "{}";
    }

    private static String clientBody() {
        return "{\"key\":\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\",\"attestationKeys\":[]}";
    }

    private static JsonObject ecKey(String label) {
        return jakarta.json.Json.createObjectBuilder().add("label", label).add("algorithm", "EC")
                .add("curveOid", "1.2.840.10045.3.1.7").build();
    }
}
