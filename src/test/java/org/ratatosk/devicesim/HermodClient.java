package org.ratatosk.devicesim;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.ratatosk.testsupport.Await;

/**
 * The application server's side of the Messaging API, over HTTP only, so tests and the benchmark
 * drive the server exactly as a customer's application would.
 */
public class HermodClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> FINAL_STATES = Set.of("COMPLETED", "FAILED", "EXPIRED", "CANCELLED");

    private final HttpClient http;
    private final String rest;
    private final String apiKey;

    /** {@code baseUrl} is the server root, e.g. {@code http://localhost:8080}. */
    public HermodClient(HttpClient http, String baseUrl, String clientId, String key) {
        this.http = http;
        this.rest = restRoot(baseUrl);
        this.apiKey = Base64.getEncoder().encodeToString((clientId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code POST /hermod/rest/command/{type}}. */
    public Reply submit(String type, JsonObject body) {
        return send(request("/command/" + type)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** {@code GET /hermod/rest/command/{commandId}}. */
    public Reply get(String commandId) {
        return send(request("/command/" + commandId).GET());
    }

    /** {@code GET /hermod/rest/command/{commandId}?wait=N}: the long poll. */
    public Reply await(String commandId, int waitSeconds) {
        return send(HttpRequest.newBuilder(URI.create(rest + "/command/" + commandId + "?wait=" + waitSeconds))
                .timeout(REQUEST_TIMEOUT.plusSeconds(Math.max(0, waitSeconds)))
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .GET());
    }

    /** {@code GET /hermod/rest/command?externalId=...}. */
    public Reply byExternalId(String externalId) {
        return send(request("/command?externalId=" + URLEncoder.encode(externalId, StandardCharsets.UTF_8)).GET());
    }

    /** {@code DELETE /hermod/rest/command/{commandId}}. */
    public Reply cancel(String commandId) {
        return send(request("/command/" + commandId).DELETE());
    }

    /**
     * Polls the command until it is in {@code state}, reaches another final state, or {@code timeout}
     * passes; returns the last reply either way for the caller to assert on.
     */
    public Reply awaitState(String commandId, String state, Duration timeout) {
        return Await.until(timeout, Duration.ofMillis(20), () -> get(commandId), reply -> reply.status() != 200
                || state.equals(reply.string("state")) || FINAL_STATES.contains(reply.string("state")));
    }

    /**
     * {@code PUT /hermod/rest/admin/clients/{clientId}} with operator Basic auth; a null
     * {@code callbackUrl} is left out.
     */
    public static Reply createClient(HttpClient http, String baseUrl, String adminUser, String adminPassword,
            String clientId, String key, String callbackUrl, List<JsonObject> attestationJwks) {
        return createClient(http, baseUrl, adminUser, adminPassword, clientId, key, callbackUrl, null, attestationJwks);
    }

    /** As above, with {@code callbackBasicAuth} ({@code user:password}) when not null. */
    public static Reply createClient(HttpClient http, String baseUrl, String adminUser, String adminPassword,
            String clientId, String key, String callbackUrl, String callbackBasicAuth, List<JsonObject> attestationJwks) {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        attestationJwks.forEach(keys::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("key", key).add("attestationKeys", keys);
        if (callbackUrl != null) {
            body.add("callbackUrl", callbackUrl);
        }
        if (callbackBasicAuth != null) {
            body.add("callbackBasicAuth", callbackBasicAuth);
        }
        String basic = Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(restRoot(baseUrl) + "/admin/clients/"
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return Reply.send(http, request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(rest + path)).timeout(REQUEST_TIMEOUT)
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) {
        return Reply.send(http, request.build());
    }

    private static String restRoot(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base.endsWith("/hermod/rest") ? base : base + "/hermod/rest";
    }

}
