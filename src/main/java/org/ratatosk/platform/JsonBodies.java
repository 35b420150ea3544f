package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parsing and reading of JSON request bodies, with the contract's 400 errors: each kind of mistake
 * has its own code, so that a client can tell a wrong type from a missing field.
 */
public final class JsonBodies {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    private JsonBodies() {
    }

    public static JsonObject parseObject(String body) {
        JsonValue value;
        try {
            value = StrictJson.read(body);
        } catch (StrictJson.RefusedJson e) {
            throw new InvalidInput(code(e.violation()), "The request body " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** The error code of a request body that {@link StrictJson} refused. */
    public static ErrorCode code(StrictJson.Violation violation) {
        return switch (violation) {
            case MALFORMED -> ErrorCode.MALFORMED_JSON;
            case TOO_DEEP -> ErrorCode.JSON_TOO_DEEP;
            case DUPLICATE_MEMBER -> ErrorCode.DUPLICATE_MEMBER;
            case NUMBER_OUT_OF_RANGE -> ErrorCode.NUMBER_OUT_OF_RANGE;
        };
    }

    public static JsonObject requireObject(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            throw InvalidInput.field("'" + key + "' is required and must be a JSON object");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be a JSON object");
        }
        return value.asJsonObject();
    }

    public static Optional<JsonObject> optionalObject(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        return Optional.of(requireObject(parent, key));
    }

    public static Optional<JsonArray> optionalArray(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be an array");
        }
        return Optional.of(value.asJsonArray());
    }

    public static String requireString(JsonObject parent, String key) {
        return optionalString(parent, key)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> InvalidInput.field("'" + key + "' is required"));
    }

    public static Optional<String> optionalString(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be a string");
    }

    /** A number given as a JSON number or as a numeric string, as the seeds do both. */
    public static Optional<Long> optionalLong(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        String text;
        if (value instanceof JsonNumber number) {
            text = number.toString();
        } else if (value instanceof JsonString string) {
            text = string.getString().trim();
        } else {
            throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be a whole number");
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be a whole number");
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new InvalidInput(ErrorCode.NUMBER_OUT_OF_RANGE, "'" + key + "' is too large");
        }
    }

    /** A boolean given as JSON true/false or as the strings "true"/"false" (seed 002 does both). */
    public static Optional<Boolean> optionalBoolean(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        if (value instanceof JsonString string && ("true".equals(string.getString()) || "false".equals(string.getString()))) {
            return Optional.of(Boolean.parseBoolean(string.getString()));
        }
        throw new InvalidInput(ErrorCode.WRONG_TYPE, "'" + key + "' must be true or false");
    }

    public static JsonObject parseStored(String json) {
        try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
