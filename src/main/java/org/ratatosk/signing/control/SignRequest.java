package org.ratatosk.signing.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.control.JwsChecks;

/**
 * The {@code params} of a {@code signCommand} or {@code authCommand}: what the device shows, what
 * it signs, and how. Reading it validates a submitted command and caps every part's size.
 */
public record SignRequest(JsonArray tbs, List<byte[]> tbsData, String format, String mechanism, String keyId) {

    public static final String JWS = "jws";
    public static final String PKCS7 = "pkcs7";
    static final int MAX_ITEMS = 16;
    static final int MAX_TEXT = 4096;
    static final int MAX_DATA_CHARS = 512 * 1024;
    static final int MAX_FILTER_ENTRIES = 16;

    private static final Map<String, String> JCA_MECHANISMS = Map.of(
            "SHA256WITHRSA", "RS256", "SHA384WITHRSA", "RS384", "SHA512WITHRSA", "RS512",
            "SHA256WITHRSAANDMGF1", "PS256", "SHA256WITHECDSA", "ES256", "SHA384WITHECDSA", "ES384");

    public static SignRequest from(JsonObject command) {
        JsonObject params = JsonBodies.requireObject(command, "params");
        JsonBodies.optionalArray(params, "description").ifPresent(SignRequest::description);
        JsonArray tbs = JsonBodies.optionalArray(params, "tbs")
                .filter(a -> !a.isEmpty())
                .orElseThrow(() -> invalid("params.tbs must be a non-empty array"));
        if (tbs.size() > MAX_ITEMS) {
            throw invalid("params.tbs has more than " + MAX_ITEMS + " items");
        }
        List<byte[]> data = new ArrayList<>();
        for (JsonValue item : tbs) {
            data.add(tbsItem(item));
        }
        String format = JsonBodies.optionalString(params, "format").orElse(JWS).toLowerCase(Locale.ROOT);
        if (!format.equals(JWS) && !format.equals(PKCS7)) {
            throw invalid("params.format must be jws or pkcs7");
        }
        if (format.equals(PKCS7) && tbs.size() != 1) {
            throw invalid("params.format pkcs7 signs exactly one tbs item");
        }
        String mechanism = JsonBodies.optionalString(params, "mechanism").map(SignRequest::mechanism).orElse(null);
        String keyId = filterKeyId(params.get("filter"));
        JsonBodies.optionalString(params, "image").ifPresent(image -> Images.requireJpegOrPng(image, "params.image"));
        return new SignRequest(tbs, List.copyOf(data), format, mechanism, keyId);
    }

    /** The JOSE name of a mechanism given as a JOSE or a JCA algorithm name. */
    static String mechanism(String given) {
        if (JwsChecks.ALLOWED_ALGORITHMS.contains(given)) {
            return given;
        }
        return Optional.ofNullable(JCA_MECHANISMS.get(given.toUpperCase(Locale.ROOT).replace("-", "")))
                .orElseThrow(() -> invalid("params.mechanism '" + given + "' is not supported; use one of "
                        + String.join(", ", JwsChecks.ALLOWED_ALGORITHMS.stream().sorted().toList())));
    }

    private static void description(JsonArray description) {
        if (description.size() > MAX_ITEMS) {
            throw invalid("params.description has more than " + MAX_ITEMS + " items");
        }
        for (JsonValue item : description) {
            if (item instanceof JsonString text) {
                text(text.getString(), "params.description[]");
            } else if (item instanceof JsonObject object) {
                object.forEach((key, value) -> {
                    if (value instanceof JsonString string) {
                        if (!key.equals("data")) {
                            text(string.getString(), "params.description[]." + key);
                        }
                    } else if (value.getValueType() != JsonValue.ValueType.TRUE
                            && value.getValueType() != JsonValue.ValueType.FALSE
                            && value.getValueType() != JsonValue.ValueType.NUMBER) {
                        throw invalid("params.description[]." + key + " must be a string, number or boolean");
                    }
                });
                decode(object, "params.description[]");
            } else {
                throw invalid("params.description items must be strings or objects");
            }
        }
    }

    /** The bytes a tbs item stands for; images must be JPEG or PNG. */
    private static byte[] tbsItem(JsonValue value) {
        if (!(value instanceof JsonObject item)) {
            throw invalid("params.tbs items must be objects");
        }
        if (!(item.get("data") instanceof JsonString)) {
            throw invalid("params.tbs[].data is required and must be a string");
        }
        for (String key : List.of("key", "content_type", "content_encoding")) {
            JsonBodies.optionalString(item, key).ifPresent(v -> {
                if (v.length() > 128) {
                    throw invalid("params.tbs[]." + key + " is longer than 128 characters");
                }
            });
        }
        JsonBodies.optionalString(item, "description").ifPresent(d -> text(d, "params.tbs[].description"));
        JsonBodies.optionalBoolean(item, "visible");
        return decode(item, "params.tbs[]");
    }

    private static byte[] decode(JsonObject item, String where) {
        JsonValue raw = item.get("data");
        if (raw == null) {
            return new byte[0];
        }
        if (!(raw instanceof JsonString string)) {
            throw invalid(where + ".data must be a string");
        }
        String data = string.getString();
        if (data.length() > MAX_DATA_CHARS) {
            throw invalid(where + ".data is longer than " + MAX_DATA_CHARS + " characters");
        }
        String encoding = JsonBodies.optionalString(item, "content_encoding").orElse("utf-8").toLowerCase(Locale.ROOT);
        byte[] bytes = switch (encoding) {
            case "base64" -> {
                try {
                    yield Images.decodeBase64(data);
                } catch (IllegalArgumentException e) {
                    throw invalid(where + ".data is not valid base64");
                }
            }
            case "utf-8", "utf8", "none", "plain" -> data.getBytes(StandardCharsets.UTF_8);
            default -> throw invalid(where + ".content_encoding must be base64 or utf-8");
        };
        String contentType = JsonBodies.optionalString(item, "content_type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.startsWith("image/")) {
            if (!encoding.equals("base64")) {
                throw invalid(where + ": an image must be base64 encoded");
            }
            Images.requireJpegOrPng(bytes, contentType, where);
        }
        return bytes;
    }

    private static String filterKeyId(JsonValue filter) {
        if (filter == null || filter == JsonValue.NULL) {
            return null;
        }
        if (filter instanceof JsonString string) {
            text(string.getString(), "params.filter");
            return null;
        }
        if (!(filter instanceof JsonObject object) || object.size() > MAX_FILTER_ENTRIES) {
            throw invalid("params.filter must be a string or an object of at most " + MAX_FILTER_ENTRIES + " entries");
        }
        object.forEach((key, value) -> {
            if (!(value instanceof JsonString string) || string.getString().length() > 1024) {
                throw invalid("params.filter." + key + " must be a string of at most 1024 characters");
            }
        });
        return object.containsKey("keyid") ? object.getString("keyid") : null;
    }

    private static void text(String text, String where) {
        if (text.length() > MAX_TEXT) {
            throw invalid(where + " is longer than " + MAX_TEXT + " characters");
        }
    }

    static InvalidInput invalid(String message) {
        return InvalidInput.field(message);
    }
}
