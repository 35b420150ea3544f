package org.ratatosk.devicesim;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ratatosk.platform.Jsons;

/**
 * What came back over HTTP, kept whole so tests can assert on status and error bodies alike.
 * {@code body} is null when the response was not a JSON object.
 */
public record Reply(int status, JsonObject body, String raw) {

    static Reply of(HttpResponse<String> response) {
        return new Reply(response.statusCode(), parse(response.body()), response.body());
    }

    /** Sends and reads the body as text; network failures become unchecked. */
    public static Reply send(HttpClient http, HttpRequest request) {
        Operations.REQUESTS.increment();
        try {
            return of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A top-level string field of the body, or null. */
    public String string(String name) {
        return body == null ? null : body.getString(name, null);
    }

    /** Throws unless the status is 2xx, so callers on the happy path need no checks of their own. */
    public Reply expectOk(String what) {
        if (!ok()) {
            throw new UnexpectedReplyException(what, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return status + " " + (raw == null ? "" : raw.length() > 300 ? raw.substring(0, 300) + "..." : raw);
    }
}
