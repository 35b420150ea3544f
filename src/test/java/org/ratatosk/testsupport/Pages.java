package org.ratatosk.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads the server's paged lists as a client that follows their cursors would. */
public final class Pages {

    public static final String NEXT_CURSOR = "Hermod-Next-Cursor";

    private Pages() {
    }

    /** A GET with headers given as name, value, name, value... */
    public static HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A request with an optional body and headers given as name, value, name, value... */
    public static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = Server.request(path).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return Server.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Optional<String> nextCursor(HttpResponse<String> response) {
        return response.headers().firstValue(NEXT_CURSOR);
    }

    public static JsonArray array(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200: " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** Every item of a list, page after page; {@code path} may carry filters already. */
    public static JsonArray all(String path, String... headers) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        String separator = path.contains("?") ? "&" : "?";
        HttpResponse<String> page = get(path, headers);
        for (int pages = 0; ; pages++) {
            array(page).forEach(all::add);
            Optional<String> next = nextCursor(page);
            if (next.isEmpty()) {
                return all.build();
            }
            if (pages > 10_000) {
                throw new AssertionError("no end of pages at " + path);
            }
            page = get(path + separator + "after=" + next.get(), headers);
        }
    }
}
