package org.ratatosk.uem.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * System properties of the Payara server through the REST interface of its admin port, which runs
 * create-system-properties and delete-system-property (escaping colons itself); both take effect
 * in the running server at once.
 */
final class PayaraManagement implements ServerManagement {

    // HTTP/1.1: after an upgrade to HTTP/2 (h2c), the admin listener left later requests unanswered.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final URI properties;

    PayaraManagement(int adminPort) {
        properties = URI.create("http://127.0.0.1:" + adminPort + "/management/domain/servers/server/server/system-properties");
    }

    @Override
    public void add(String name, String value) {
        String body = Json.createObjectBuilder().add(name, value).build().toString();
        execute(request(properties).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Override
    public void write(String name, String value) {
        add(name, value);
    }

    @Override
    public void remove(String name) {
        execute(request(URI.create(properties + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8))).DELETE());
    }

    @Override
    public void close() {
    }

    private static HttpRequest.Builder request(URI uri) {
        // The admin REST interface refuses changes without this header (a guard against cross-site requests).
        return HttpRequest.newBuilder(uri).header("X-Requested-By", "ratatosk-tests").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private static void execute(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonObject result = response.statusCode() == 200
                    ? Json.createReader(new StringReader(response.body())).readObject() : null;
            if (result == null || !"SUCCESS".equals(result.getString("exit_code", null))) {
                throw new IllegalStateException("Management operation failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
