package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Parsing and reading of JSON request bodies, with the contract's 400 errors. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body is empty");
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("MALFORMED_JSON", "The request body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body is not valid JSON");
        }
    }

    public static JsonObject requireObject(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be a JSON object");
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
            throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be an array");
        }
        return Optional.of(value.asJsonArray());
    }

    public static String requireString(JsonObject parent, String key) {
        return optionalString(parent, key)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiException.badRequest("INVALID_FIELD", "'" + key + "' is required"));
    }

    public static Optional<String> optionalString(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be a string");
    }

    /** A number given as a JSON number or as a numeric string, as the seeds do both. */
    public static Optional<Long> optionalLong(JsonObject parent, String key) {
        JsonValue value = parent.get(key);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        try {
            if (value.getValueType() == JsonValue.ValueType.NUMBER) {
                return Optional.of(((jakarta.json.JsonNumber) value).longValueExact());
            }
            if (value instanceof JsonString string) {
                return Optional.of(Long.parseLong(string.getString().trim()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be a whole number");
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
        throw ApiException.badRequest("INVALID_FIELD", "'" + key + "' must be true or false");
    }

    public static JsonObject parseStored(String json) {
        try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
