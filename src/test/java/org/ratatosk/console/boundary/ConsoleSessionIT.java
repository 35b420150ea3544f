package org.ratatosk.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.testsupport.Pages;
import org.ratatosk.testsupport.Server;
import org.ratatosk.uem.boundary.ServerProperties;

/**
 * The browser console's sign-in and the session cookie as a credential, attacked the ways a page
 * can be: no CSRF token, another session's token, an expired or signed-out cookie, odd paths, and
 * the key API, where the cookie may do what operator Basic does and nothing more.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSessionIT {

    static final String SESSION = "/hermod/rest/admin/session";
    static final String CONSOLE_CHALLENGE = "HermodConsole realm=\"hermod\"";
    static final Pattern COOKIE = Pattern.compile("HERMOD_CONSOLE=([A-Za-z0-9_-]{43}); Path=/hermod; HttpOnly; SameSite=Strict");
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (Server.ADMIN_USER + ":" + Server.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    /** A signed-in console: its cookie token and the CSRF token the server gave it. */
    record Session(String token, String csrf, JsonObject body) {
    }

    static Session signIn() {
        HttpResponse<String> response = send("POST", SESSION, "{\"user\":\"admin\",\"password\":\"" + Server.ADMIN_PASSWORD + "\"}",
                "Content-Type", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher matcher = COOKIE.matcher(setCookie);
        assertTrue(matcher.matches(), setCookie);
        JsonObject body = json(response);
        return new Session(matcher.group(1), body.getString("csrfToken"), body);
    }

    @Test
    void signInGivesACookieAndACsrfTokenThatTheSessionShowsAgain() throws Exception {
        Session session = signIn();
        assertEquals("admin", session.body().getString("user"));
        assertEquals(900, session.body().getInt("idleTimeoutSeconds"));
        assertTrue(session.csrf().length() >= 43, session.csrf());
        assertEquals(3, session.body().size(), session.body().toString());
        assertNotEquals(session.token(), session.csrf());

        HttpResponse<String> again = send("GET", SESSION, null, "Cookie", cookie(session));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(session.body(), json(again));

        Session other = signIn();
        assertNotEquals(session.token(), other.token());
        assertNotEquals(session.csrf(), other.csrf());

        // the audit names the session by the hash of its token, never by the token
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(session.token().getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
        HttpResponse<String> audit = send("GET", "/hermod/rest/admin/audit?subjectType=console-session&subjectId=" + hash,
                null, "Cookie", cookie(session));
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("\"action\":\"SIGNED_IN\""), audit.body());
        assertFalse(audit.body().contains(session.token()));
    }

    @Test
    void theCookieActsAsTheOperatorAndChangesNeedTheCsrfToken() {
        Session session = signIn();
        Session other = signIn();
        assertEquals(200, send("GET", "/hermod/rest/admin/commands?limit=1", null, "Cookie", cookie(session)).statusCode());
        assertEquals(200, send("HEAD", "/hermod/rest/admin/clients?limit=1", null, "Cookie", cookie(session)).statusCode());

        String clientId = "console-" + UUID.randomUUID();
        String client = "{\"key\":\"a-long-random-api-key-0123456789\",\"attestationKeys\":[]}";
        String path = "/hermod/rest/admin/clients/" + clientId;
        for (String[] csrf : List.of(new String[0], new String[] {"X-CSRF-Token", ""},
                new String[] {"X-CSRF-Token", other.csrf()}, new String[] {"X-CSRF-Token", session.token()})) {
            HttpResponse<String> refused = send("PUT", path, client, headers(session, csrf));
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("CSRF_TOKEN_INVALID", json(refused).getString("code"));
        }
        assertEquals(404, send("GET", path, null, "Authorization", BASIC).statusCode(), "nothing was stored");
        // the same refusal on a path the router normalises
        HttpResponse<String> oddPath = send("PUT", "/hermod/rest/admin;x=1/clients/" + clientId, client,
                "Cookie", cookie(session), "Content-Type", "application/json");
        assertEquals(403, oddPath.statusCode(), oddPath.body());
        assertEquals(200, send("GET", "/hermod/rest/admin;x=1/clients?limit=1", null, "Cookie", cookie(session)).statusCode());

        HttpResponse<String> created = send("PUT", path, client, headers(session, "X-CSRF-Token", session.csrf()));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(clientId, json(send("GET", path, null, "Authorization", BASIC)).getString("clientId"));
        assertEquals(204, send("DELETE", path, null, "Cookie", cookie(session), "X-CSRF-Token", session.csrf()).statusCode());
    }

    @Test
    void onTheKeyApiTheCookieDoesWhatOperatorBasicDoesAndNoMore() {
        Session session = signIn();
        String label = "console-key-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "{\"label\":\"" + label + "\",\"algorithm\":\"EC\",\"curveOid\":\"1.2.840.10045.3.1.7\",\"attributes\":{\"sign\":true},\"policy\":null}";
        HttpResponse<String> noCsrf = send("POST", "/hermod/rest/v1/key", key, "Cookie", cookie(session), "Content-Type", "application/json");
        assertEquals(403, noCsrf.statusCode(), noCsrf.body());
        assertEquals(201 / 100, send("POST", "/hermod/rest/v1/key", key, headers(session, "X-CSRF-Token", session.csrf()))
                .statusCode() / 100);
        assertEquals(200, send("GET", "/hermod/rest/v1/key/" + label, null, "Cookie", cookie(session)).statusCode());

        // the same answer as operator Basic, wherever the operator's credentials count
        String approval = "{\"approvalToBeSigned\":\"x\",\"signature\":\"eA==\",\"publicKey\":\"eA==\"}";
        for (String[] call : List.of(new String[] {"POST", "/hermod/rest/v1/approval", approval},
                new String[] {"POST", "/hermod/rest/v1/filteredApprovalTask", "{\"timestamp\":\"x\",\"timestampSignature\":\"eA==\",\"approverPublicKey\":\"eA==\"}"},
                new String[] {"GET", "/hermod/rest/v1/request/no-such-request", null},
                new String[] {"GET", "/hermod/rest/v1/keystore/statistics", null},
                new String[] {"POST", "/hermod/rest/admin/tsb-keys/x", null},
                new String[] {"GET", "/hermod/rest/command/" + UUID.randomUUID(), null})) {
            HttpResponse<String> basic = send(call[0], call[1], call[2], "Authorization", BASIC, "Content-Type", "application/json");
            HttpResponse<String> console = send(call[0], call[1], call[2], headers(session, "X-CSRF-Token", session.csrf()));
            assertEquals(basic.statusCode(), console.statusCode(), call[1] + ": " + basic.body() + " / " + console.body());
        }
        assertEquals(204, send("DELETE", "/hermod/rest/v1/key/" + label, null, headers(session, "X-CSRF-Token", session.csrf()))
                .statusCode());
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        Session session = signIn();
        HttpResponse<String> noCsrf = send("DELETE", SESSION, null, "Cookie", cookie(session));
        assertEquals(403, noCsrf.statusCode());
        assertEquals("CSRF_TOKEN_INVALID", json(noCsrf).getString("code"));
        assertEquals(200, send("GET", SESSION, null, "Cookie", cookie(session)).statusCode(), "still signed in");

        HttpResponse<String> out = send("DELETE", SESSION, null, "Cookie", cookie(session), "X-CSRF-Token", session.csrf());
        assertEquals(204, out.statusCode());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("HERMOD_CONSOLE=; Path=/hermod; HttpOnly; SameSite=Strict; Max-Age=0"), cleared);

        assertSignedOut(session);
    }

    @Test
    void wrongPasswordsAre401WithoutADialogAndLockOutLikeBasic() {
        HttpResponse<String> wrong = send("POST", SESSION, "{\"user\":\"admin\",\"password\":\"wrong\"}", "Content-Type", "application/json");
        assertEquals(401, wrong.statusCode());
        assertEquals("UNAUTHORIZED", json(wrong).getString("code"));
        assertEquals(CONSOLE_CHALLENGE, wrong.headers().firstValue("WWW-Authenticate").orElseThrow(), "no Basic dialog");
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> malformed = send("POST", SESSION, "{\"user\":\"admin\"}", "Content-Type", "application/json");
        assertEquals(400, malformed.statusCode());

        // a user name of its own, so that the lockout does not reach the other tests' operator
        String user = "locked-" + UUID.randomUUID();
        String body = "{\"user\":\"" + user + "\",\"password\":\"wrong\"}";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, send("POST", SESSION, body, "Content-Type", "application/json").statusCode(), "attempt " + i);
        }
        HttpResponse<String> locked = send("POST", SESSION, body, "Content-Type", "application/json");
        assertEquals(429, locked.statusCode(), locked.body());
        assertEquals("TOO_MANY_ATTEMPTS", json(locked).getString("code"));
        assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        // one count with Basic: the same user name is locked out there too
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8));
        assertEquals(429, send("GET", "/hermod/rest/admin/clients?limit=1", null, "Authorization", basic).statusCode());
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsOver() throws Exception {
        try (ServerProperties properties = ServerProperties.open().set("hermod.console.idle-timeout", "4")) {
            Session idle = signIn();
            assertEquals(4, idle.body().getInt("idleTimeoutSeconds"));
            Session busy = signIn();
            // used every 1.5 s, past the timeout: the last use counts, not the sign-in
            long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
            while (System.nanoTime() < until) {
                HttpResponse<String> used = send("GET", "/hermod/rest/admin/commands?limit=1", null, "Cookie", cookie(busy));
                assertEquals(200, used.statusCode(), used.body());
                Thread.sleep(1500);
            }
            assertSignedOut(idle);
            assertEquals(200, send("GET", SESSION, null, "Cookie", cookie(busy)).statusCode());
        }
    }

    @Test
    void aCookieNobodyWasGivenIsNoCredential() {
        Session forged = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]), "x", null);
        assertSignedOut(forged);
        HttpResponse<String> empty = send("GET", "/hermod/rest/admin/clients", null, "Cookie", "HERMOD_CONSOLE=");
        assertEquals(401, empty.statusCode());
        assertTrue(empty.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "no session: Basic as before");
    }

    /** The cookie opens nothing: 401 JSON with the console's challenge, not Basic's, on the session and on the operator API. */
    static void assertSignedOut(Session session) {
        for (String path : List.of(SESSION, "/hermod/rest/admin/commands", "/hermod/rest/admin;x=1/clients", "/hermod/rest/v1/key")) {
            HttpResponse<String> refused = send("GET", path, null, "Cookie", cookie(session));
            assertEquals(401, refused.statusCode(), path + " " + refused.body());
            assertEquals("UNAUTHORIZED", json(refused).getString("code"));
            assertEquals(CONSOLE_CHALLENGE, refused.headers().firstValue("WWW-Authenticate").orElseThrow(), path);
        }
        HttpResponse<String> change = send("PUT", "/hermod/rest/admin/clients/x", "{}", headers(session, "X-CSRF-Token", session.csrf()));
        assertEquals(401, change.statusCode());
    }

    static String cookie(Session session) {
        return "HERMOD_CONSOLE=" + session.token();
    }

    static String[] headers(Session session, String... more) {
        String[] all = new String[4 + more.length];
        all[0] = "Cookie";
        all[1] = cookie(session);
        all[2] = "Content-Type";
        all[3] = "application/json";
        System.arraycopy(more, 0, all, 4, more.length);
        return all;
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) {
        return Pages.send(method, path, body, headers);
    }
}
