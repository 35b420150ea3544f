package org.ratatosk.signing.control;

import static org.ratatosk.signing.control.SignRequest.MAX_ITEMS;
import static org.ratatosk.signing.control.SignRequest.invalid;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ratatosk.platform.Bodies;

/**
 * The {@code params} of a {@code signCommand} or {@code authCommand}, in the order their faults are
 * answered. What the device shows and signs is checked part by part, as code; the rest is declared.
 */
public record SignParams(
        JsonArray description,
        @NotEmpty(message = "params.tbs must be a non-empty array")
        @Size(max = MAX_ITEMS, message = "params.tbs has more than " + MAX_ITEMS + " items") JsonArray tbs,
        String format,
        String mechanism,
        JsonValue filter,
        String image) implements Bodies.Checked {

    static final int MAX_FILTER_ENTRIES = 16;
    static final int MAX_FILTER_VALUE = 1024;

    /** The command body around the params. */
    public record Command(@NotNull(message = "'params' is required and must be a JSON object") JsonObject params) {
    }

    static SignParams of(JsonObject command) {
        return Bodies.bind(Bodies.bind(command, Command.class).params(), SignParams.class);
    }

    @Override
    public void check(String component) {
        switch (component) {
            case "description" -> {
                if (description != null) {
                    description(description);
                }
            }
            case "tbs" -> items();
            case "format" -> {
                String given = signatureFormat();
                if (!given.equals(SignRequest.JWS) && !given.equals(SignRequest.PKCS7)) {
                    throw invalid("params.format must be jws or pkcs7");
                }
                if (given.equals(SignRequest.PKCS7) && tbs.size() != 1) {
                    throw invalid("params.format pkcs7 signs exactly one tbs item");
                }
            }
            case "mechanism" -> {
                if (mechanism != null) {
                    SignRequest.mechanism(mechanism);
                }
            }
            case "filter" -> keyId();
            case "image" -> {
                if (image != null) {
                    Images.requireJpegOrPng(image, "params.image");
                }
            }
            default -> throw new IllegalArgumentException(component);
        }
    }

    /** The signature format, JWS unless the params say otherwise. */
    String signatureFormat() {
        return format == null ? SignRequest.JWS : format.toLowerCase(Locale.ROOT);
    }

    List<TbsItem> items() {
        return tbs.stream().map(TbsItem::of).toList();
    }

    /** The key a filter object names, if any; a filter given as text is shown, not matched. */
    String keyId() {
        if (filter == null) {
            return null;
        }
        if (filter instanceof JsonString text) {
            text(text.getString(), "params.filter");
            return null;
        }
        if (!(filter instanceof JsonObject object) || object.size() > MAX_FILTER_ENTRIES) {
            throw invalid("params.filter must be a string or an object of at most " + MAX_FILTER_ENTRIES + " entries");
        }
        object.forEach((key, value) -> {
            if (!(value instanceof JsonString string) || string.getString().length() > MAX_FILTER_VALUE) {
                throw invalid("params.filter." + key + " must be a string of at most " + MAX_FILTER_VALUE + " characters");
            }
        });
        return object.containsKey("keyid") ? object.getString("keyid") : null;
    }

    /** What the device shows above the items: texts, or objects of plain members and optional data. */
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
                shownData(object);
            } else {
                throw invalid("params.description items must be strings or objects");
            }
        }
    }

    /** A description object's own data, decoded as a tbs item's is; its members are of no fixed set. */
    private static void shownData(JsonObject object) {
        JsonValue data = object.get("data");
        if (data == null) {
            return;
        }
        if (!(data instanceof JsonString string)) {
            throw invalid("params.description[].data must be a string");
        }
        TbsItem.decode(string.getString(), Optional.ofNullable(Bodies.bind(object, ShownEncoding.class).content_encoding()),
                () -> Bodies.bind(object, ShownType.class).content_type(), "params.description[]");
    }

    /** How a description object's data is encoded, read before the data is decoded. */
    public record ShownEncoding(String content_encoding) {
    }

    /** What a description object's data is, read only once the data decoded, as it always was. */
    public record ShownType(String content_type) {
    }

    private static void text(String text, String where) {
        if (text.length() > SignRequest.MAX_TEXT) {
            throw invalid(where + " is longer than " + SignRequest.MAX_TEXT + " characters");
        }
    }
}
