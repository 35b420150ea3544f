package org.ratatosk.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every answer to a hostile request must be: never a 5xx nor a dropped connection; an error is
 * the contract's {@code {"code","message","details"}} with an UPPER_SNAKE code and a message of our
 * own (no Java exception text); the UEM connector answers a bad body with 200 and a failureInfo.
 */
public final class Verdict {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|org\\.[a-z]+\\.");

    /** Payara's HTTP layer refuses some requests with an empty 400 before any application code runs. */
    public static final boolean ON_PAYARA = "payara".equals(System.getProperty("arquillian.launch"));

    private Verdict() {
    }

    /** Empty when the answer is acceptable; otherwise what is wrong with it. */
    public static Optional<String> check(Mutations.Request request, RawHttp.Response response) {
        int status = response.status();
        if (status < 0) {
            return Optional.of("no HTTP response (connection dropped)");
        }
        if (status >= 500) {
            return Optional.of("status " + status);
        }
        if (request.template().uem() && request.bodyOnly() && "POST".equals(request.method())) {
            if (status != 200) {
                return Optional.of("UEM connector answered a bad body with " + status + ", not 200");
            }
            Optional<JsonObject> body = object(response);
            if (body.isEmpty() || !(body.get().get("status") instanceof JsonString)) {
                return Optional.of("UEM connector's answer is not its JSON");
            }
            if ("failure".equals(body.get().getString("status")) && !(body.get().get("failureInfo") instanceof JsonString)) {
                return Optional.of("UEM failure without failureInfo");
            }
            return Optional.empty();
        }
        if (status == 405 && "TRACE".equals(request.method())) {
            // The listener refuses TRACE before any application code (protection against cross-site
            // tracing); enabling it to answer in JSON would let the default servlet echo credentials.
            return Optional.empty();
        }
        if (status == 400 && response.header("content-type") == null && request.target().chars().anyMatch(Verdict::notInUrls)) {
            // A byte outside ASCII, or one RFC 3986 never allows unescaped (\ { } | ^ ` " < > space),
            // in the request line is not HTTP; both listeners refuse it with an empty 400 before any
            // application code, deliberately: allowing it would have the listener guess what it means.
            return Optional.empty();
        }
        if (ON_PAYARA && status == 404 && request.target().contains("..%2F")) {
            // Grizzly decodes %2F before it normalises the path, so dot segments may climb out of
            // /hermod: the request then reaches Payara's default web module, not this application.
            return Optional.empty();
        }
        if (ON_PAYARA && status == 400 && refusedByGrizzly(request)) {
            // A body on GET, HEAD or DELETE, a byte outside ASCII in a header, percent escapes that
            // are not UTF-8 (or a NUL or backslash), or a request line and headers longer than its
            // header buffer: Grizzly answers an empty 400 itself (its strict header check guards
            // against request smuggling).
            return Optional.empty();
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            return contractError(response);
        }
        return Optional.empty();
    }

    static boolean notInUrls(int c) {
        return c > 0x7e || c < 0x21 || "\\{}|^`\"<>".indexOf(c) >= 0;
    }

    /** Escapes Grizzly refuses in a path besides those that are not UTF-8: NUL and backslash. */
    static final Pattern GRIZZLY_REFUSED_ESCAPES = Pattern.compile("%00|%5[Cc]");
    private static final Pattern ESCAPE_RUN = Pattern.compile("(%[0-9A-Fa-f]{2})+");

    static boolean escapesNotUtf8(String target) {
        java.util.regex.Matcher run = ESCAPE_RUN.matcher(target);
        while (run.find()) {
            String escapes = run.group();
            byte[] bytes = new byte[escapes.length() / 3];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) Integer.parseInt(escapes.substring(3 * i + 1, 3 * i + 3), 16);
            }
            try {
                java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            } catch (java.nio.charset.CharacterCodingException e) {
                return true;
            }
        }
        return false;
    }

    /** Grizzly's header buffer (http.header-buffer-length-bytes): a longer request line and headers are its empty 400. */
    static final int GRIZZLY_HEADER_BUFFER = 8192;

    static boolean refusedByGrizzly(Mutations.Request request) {
        boolean bodyWhereNoneBelongs = request.body() != null && request.body().length > 0
                && ("GET".equals(request.method()) || "HEAD".equals(request.method()) || "DELETE".equals(request.method()));
        boolean nonAsciiHeader = request.headers().stream()
                .anyMatch(header -> header[1].chars().anyMatch(c -> c > 0x7e || (c < 0x20 && c != '\t')));
        boolean brokenEscapes = request.kinds().contains(Mutations.Kind.BAD_PERCENT)
                || GRIZZLY_REFUSED_ESCAPES.matcher(request.target()).find() || escapesNotUtf8(request.target());
        int head = request.method().length() + request.target().length() + 11
                + request.headers().stream().mapToInt(header -> header[0].length() + header[1].length() + 4).sum();
        return bodyWhereNoneBelongs || nonAsciiHeader || brokenEscapes || head > GRIZZLY_HEADER_BUFFER;
    }

    static Optional<String> contractError(RawHttp.Response response) {
        String type = response.header("content-type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return Optional.of("error " + response.status() + " with content type " + type);
        }
        Optional<JsonObject> parsed = object(response);
        if (parsed.isEmpty()) {
            return Optional.of("error " + response.status() + " whose body is not a JSON object");
        }
        JsonObject error = parsed.get();
        if (!(error.get("code") instanceof JsonString code) || !CODE.matcher(code.getString()).matches()) {
            return Optional.of("error " + response.status() + " without an UPPER_SNAKE code");
        }
        if (!(error.get("message") instanceof JsonString message)) {
            return Optional.of("error " + response.status() + " without a message");
        }
        if (JAVA_TEXT.matcher(message.getString()).find()) {
            return Optional.of("error " + response.status() + " message carries Java text: " + message.getString());
        }
        if (error.get("details") == null || error.get("details").getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.of("error " + response.status() + " without a details object");
        }
        return Optional.empty();
    }

    private static Optional<JsonObject> object(RawHttp.Response response) {
        try {
            return Optional.of(Json.createReader(new StringReader(response.text())).readObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
