package org.ratatosk.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list ended: the sort key of its last row, as base64url of a JSON array of
 * strings. The next page starts after that key (keyset pagination), so rows inserted meanwhile
 * neither shift nor repeat what follows. Clients treat it as opaque.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String... key) {
        JsonArrayBuilder parts = Jsons.createArrayBuilder();
        for (String part : key) {
            parts.add(part);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(parts.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code size} parts of a cursor; null when absent; 400 {@code INVALID_FIELD} when it is not one of ours. */
    public static List<String> decode(String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            if (cursor.length() > 2000 || !cursor.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("not base64url");
            }
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonArray parts = Jsons.createReader(new StringReader(json)).readArray();
            if (parts.size() != size || parts.stream().anyMatch(p -> p.getValueType() != JsonValue.ValueType.STRING)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return parts.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        } catch (RuntimeException e) {
            throw notHandedOut();
        }
    }

    /** A part of a decoded cursor that holds a number. */
    public static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw notHandedOut();
        }
    }

    /** The answer to a cursor this server did not hand out. */
    public static InvalidInput notHandedOut() {
        return InvalidInput.field("after is not a cursor this list handed out");
    }
}
