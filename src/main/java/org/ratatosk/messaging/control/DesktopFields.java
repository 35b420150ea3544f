package org.ratatosk.messaging.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ratatosk.platform.InvalidInput;

/**
 * The Smart ID Desktop App's fields (seed 002), checked wherever they appear in a command body so
 * that a provision, certificate or delete command carries them in the shape the app expects.
 */
public final class DesktopFields {

    public static final Set<String> STORAGE = Set.of("YUBI", "OS", "APP", "TPM");
    public static final Set<String> PROTECTION_LEVELS = Set.of("NONE", "CONSENT", "PASSWORD", "BIOMETRICS");
    private static final Pattern ADMIN_KEY = Pattern.compile("[0-9a-f]{48}");
    private static final Set<String> ADMIN_KEY_FIELDS = Set.of("newadminkey", "adminkey", "oldadminkey");
    static final int MAX_EXTENSIONS = 32;
    static final int MAX_TEXT = 4096;
    private static final int MAX_DEPTH = 8;

    private DesktopFields() {
    }

    public static void check(JsonObject body) {
        walk(body, 0);
    }

    private static void walk(JsonValue value, int depth) {
        if (depth > MAX_DEPTH) {
            throw InvalidInput.field("The command body is nested too deeply");
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                checkMember(member.getKey(), member.getValue());
                walk(member.getValue(), depth + 1);
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> walk(item, depth + 1));
        }
    }

    private static void checkMember(String name, JsonValue value) {
        switch (name) {
            case "storageprios", "storagepriors" -> {
                if (!(value instanceof JsonArray array) || array.isEmpty()) {
                    throw invalid("'" + name + "' must be a non-empty array of YUBI, OS, APP or TPM");
                }
                array.forEach(item -> oneOf(name, item, STORAGE));
            }
            case "desktopKeyProtectionLevel" -> oneOf(name, value, PROTECTION_LEVELS);
            case "desktopExtensions" -> extensions(value);
            case "vscinfo" -> {
                if (!(value instanceof JsonObject object)) {
                    throw invalid("'vscinfo' must be an object");
                }
                object.forEach((key, item) -> {
                    if (!(item instanceof JsonString string) || string.getString().length() > MAX_TEXT) {
                        throw invalid("vscinfo." + key + " must be a string of at most " + MAX_TEXT + " characters");
                    }
                });
            }
            default -> {
                if (ADMIN_KEY_FIELDS.contains(name) && !(value instanceof JsonString string
                        && ADMIN_KEY.matcher(string.getString()).matches())) {
                    throw invalid("'" + name + "' must be 48 lowercase hexadecimal characters (24 bytes)");
                }
            }
        }
    }

    private static void extensions(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.size() > MAX_EXTENSIONS) {
            throw invalid("'desktopExtensions' must be an array of at most " + MAX_EXTENSIONS + " {key, data} objects");
        }
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject extension)) {
                throw invalid("'desktopExtensions' items must be {key, data} objects");
            }
            if (!(extension.get("key") instanceof JsonString key) || key.getString().isEmpty() || key.getString().length() > 64) {
                throw invalid("desktopExtensions[].key must be a string of 1 to 64 characters");
            }
            JsonValue data = extension.get("data");
            boolean scalar = data == null || data == JsonValue.TRUE || data == JsonValue.FALSE
                    || data.getValueType() == JsonValue.ValueType.NUMBER
                    || data instanceof JsonString string && string.getString().length() <= MAX_TEXT;
            if (!scalar) {
                throw invalid("desktopExtensions[].data of '" + key.getString() + "' must be a string of at most "
                        + MAX_TEXT + " characters, a number or a boolean");
            }
        }
    }

    private static void oneOf(String name, JsonValue value, Set<String> allowed) {
        if (!(value instanceof JsonString string) || !allowed.contains(string.getString())) {
            throw invalid("'" + name + "' values must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static InvalidInput invalid(String message) {
        return InvalidInput.field(message);
    }
}
