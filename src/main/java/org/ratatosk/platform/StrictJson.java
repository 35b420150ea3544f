package org.ratatosk.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads JSON text the way the server accepts it, from any request body or signed payload: at most
 * {@value #MAX_DEPTH} levels of nesting, no member name twice in one object (a signature over
 * {@code "userid":"evil","userid":"real"} must not mean whichever value a reader keeps), and no
 * number that no field could hold. Built on the streaming parser so that the limits hold whatever
 * JSON-P implementation the server brings, and fail with our own words rather than its exceptions.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;
    /** Digits and exponent beyond these fit no field and cost a reader dearly to convert. */
    static final int MAX_PRECISION = 40;
    static final int MAX_SCALE = 40;

    /** What is wrong with a JSON text. */
    public enum Violation {
        MALFORMED, TOO_DEEP, DUPLICATE_MEMBER, NUMBER_OUT_OF_RANGE
    }

    /** A refused JSON text; the message is ours and names no class. */
    public static final class RefusedJson extends RuntimeException {
        private final Violation violation;

        RefusedJson(Violation violation, String message) {
            super(message, null, false, false);
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    private StrictJson() {
    }

    public static JsonValue read(String text) {
        if (text == null || text.isBlank()) {
            throw new RefusedJson(Violation.MALFORMED, "is empty");
        }
        try (JsonParser parser = Jsons.PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new RefusedJson(Violation.MALFORMED, "is empty");
            }
            JsonValue value = value(parser, parser.next(), 1);
            if (parser.hasNext()) {
                throw new RefusedJson(Violation.MALFORMED, "has text after its JSON value");
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException | NumberFormatException e) {
            throw new RefusedJson(Violation.MALFORMED, "is not valid JSON");
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth);
            case START_ARRAY -> array(parser, depth);
            case VALUE_STRING -> Jsons.createValue(text(parser.getString()));
            case VALUE_NUMBER -> number(parser.getString());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new RefusedJson(Violation.MALFORMED, "is not valid JSON");
        };
    }

    private static JsonValue object(JsonParser parser, int depth) {
        requireDepth(depth);
        JsonObjectBuilder builder = Jsons.createObjectBuilder();
        Set<String> names = new HashSet<>();
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
            String name = text(parser.getString());
            if (!names.add(name)) {
                throw new RefusedJson(Violation.DUPLICATE_MEMBER, "has the member '" + shorten(name) + "' twice in one object");
            }
            builder.add(name, value(parser, parser.next(), depth + 1));
        }
        return builder.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        requireDepth(depth);
        JsonArrayBuilder builder = Jsons.createArrayBuilder();
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            builder.add(value(parser, event, depth + 1));
        }
        return builder.build();
    }

    /** A NUL character is valid JSON, but no database column holds it, so no string may carry one. */
    private static String text(String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new RefusedJson(Violation.MALFORMED, "has a NUL character (\\u0000) in a string");
        }
        return value;
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new RefusedJson(Violation.TOO_DEEP, "is nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static JsonValue number(String text) {
        if (text.length() > MAX_PRECISION + 12) {
            throw new RefusedJson(Violation.NUMBER_OUT_OF_RANGE, "holds a number too large for any field");
        }
        BigDecimal number = new BigDecimal(text);
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 && number.precision() < 19) {
            return Jsons.PROVIDER.createValue(number.longValueExact());
        }
        if (number.precision() > MAX_PRECISION || Math.abs(number.scale()) > MAX_SCALE) {
            throw new RefusedJson(Violation.NUMBER_OUT_OF_RANGE, "holds a number too large for any field");
        }
        return Jsons.PROVIDER.createValue(number);
    }

    private static String shorten(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }
}
