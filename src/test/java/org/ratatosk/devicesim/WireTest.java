package org.ratatosk.devicesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the simulator and client put on the wire, checked against a canned HTTP server. */
class WireTest {

    private record Seen(String method, String uri, String authorization, String apiKey, String contentType, String body) {
    }

    private final Deque<Seen> seen = new ArrayDeque<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private HttpServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Api-Key"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        byte[] answer = (answers.isEmpty() ? "{}" : answers.poll()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Test
    void deviceListsWithBearerTokenAndWait() {
        answers.add("{\"messages\":[{\"mid\":\"m1\",\"commandType\":\"PROV\",\"location\":\"" + base
                + "/hermod/rest/ms/b1/m1\",\"expires\":\"2030-01-01T00:00:00Z\"}]}");
        SimulatedDevice device = new SimulatedDevice(AttestationKeys.generate(), http);

        List<MailboxEntry> entries = device.listMessages(base + "/hermod/rest/ms/b1", "tok", 5);

        assertEquals(List.of(new MailboxEntry("m1", "PROV", base + "/hermod/rest/ms/b1/m1", "2030-01-01T00:00:00Z")), entries);
        Seen request = seen.poll();
        assertEquals("GET", request.method());
        assertEquals("/hermod/rest/ms/b1?wait=5", request.uri());
        assertEquals("Bearer tok", request.authorization());
    }

    @Test
    void deviceAnswersACertificateMessage() {
        SimulatedDevice device = new SimulatedDevice(AttestationKeys.generate(), http);

        device.answerCertificate(base + "/hermod/rest/ms/b1/m2", "tok");

        Seen request = seen.poll();
        assertEquals("POST", request.method());
        assertEquals("/hermod/rest/ms/b1/m2", request.uri());
        assertTrue(request.contentType().startsWith("application/json"));
        assertEquals(Json.createObjectBuilder().add("certResponse", Json.createObjectBuilder().add("code", 0)).build(),
                Reply.parse(request.body()));
    }

    @Test
    void clientSendsItsApiKeyAndTheBody() {
        answers.add("{\"commandId\":\"c1\",\"state\":\"IN_PROGRESS\"}");
        HermodClient client = new HermodClient(http, base, "app1", "secret");
        JsonObject body = ProvisionCommands.provision().build();

        Reply reply = client.submit("provision", body);

        assertEquals("c1", reply.string("commandId"));
        Seen request = seen.poll();
        assertEquals("POST", request.method());
        assertEquals("/hermod/rest/command/provision", request.uri());
        assertEquals(Base64.getEncoder().encodeToString("app1:secret".getBytes(StandardCharsets.UTF_8)), request.apiKey());
        assertEquals(body, Reply.parse(request.body()));
    }

    @Test
    void awaitStatePollsUntilTheState() {
        answers.add("{\"commandId\":\"c1\",\"state\":\"IN_PROGRESS\"}");
        answers.add("{\"commandId\":\"c1\",\"state\":\"COMPLETED\"}");
        HermodClient client = new HermodClient(http, base + "/", "app1", "secret");

        Reply reply = client.awaitState("c1", "COMPLETED", Duration.ofSeconds(5));

        assertEquals("COMPLETED", reply.string("state"));
        assertEquals(2, seen.size());
        assertEquals("/hermod/rest/command/c1", seen.peek().uri());
    }

    @Test
    void adminCreatesAClientWithBasicAuthAndAttestationKeys() {
        JsonObject jwk = AttestationKeys.publicJwk(AttestationKeys.generate());

        HermodClient.createClient(http, base, "admin", "pw", "app1", "secret", "http://127.0.0.1:1/rest", List.of(jwk));

        Seen request = seen.poll();
        assertEquals("PUT", request.method());
        assertEquals("/hermod/rest/admin/clients/app1", request.uri());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)), request.authorization());
        JsonObject sent = Reply.parse(request.body());
        assertEquals("secret", sent.getString("key"));
        assertEquals("http://127.0.0.1:1/rest", sent.getString("callbackUrl"));
        assertEquals(jwk, sent.getJsonArray("attestationKeys").getJsonObject(0));
    }
}
