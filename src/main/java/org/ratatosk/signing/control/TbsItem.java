package org.ratatosk.signing.control;

import static org.ratatosk.signing.control.SignRequest.invalid;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.ratatosk.platform.Bodies;

/**
 * One item of a sign command's {@code tbs}: what is signed, and how its text is encoded. The data
 * is the last component, as its size and encoding were always checked after the other members.
 */
public record TbsItem(
        @Size(max = TbsItem.MAX_NAME, message = "params.tbs[].key is longer than 128 characters") String key,
        @Size(max = TbsItem.MAX_NAME, message = "params.tbs[].content_type is longer than 128 characters") String content_type,
        @Size(max = TbsItem.MAX_NAME, message = "params.tbs[].content_encoding is longer than 128 characters") String content_encoding,
        @Size(max = SignRequest.MAX_TEXT, message = "params.tbs[].description is longer than 4096 characters") String description,
        Boolean visible,
        String data) implements Bodies.Checked {

    static final int MAX_NAME = 128;
    private static final String WHERE = "params.tbs[]";

    /** An item of {@code tbs}, which must be an object with its data as a string before anything else is read. */
    static TbsItem of(JsonValue value) {
        if (!(value instanceof JsonObject item)) {
            throw invalid("params.tbs items must be objects");
        }
        if (!(item.get("data") instanceof JsonString)) {
            throw invalid("params.tbs[].data is required and must be a string");
        }
        return Bodies.bind(item, TbsItem.class);
    }

    @Override
    public void check(String component) {
        if (component.equals("data")) {
            bytes();
        }
    }

    /** The bytes the item stands for; an image must be a JPEG or PNG. */
    byte[] bytes() {
        return decode(data, Optional.ofNullable(content_encoding), () -> content_type, WHERE);
    }

    /**
     * The bytes of a data member in its encoding, utf-8 unless it says otherwise. The content type
     * is read only once the data decoded, as it always was.
     */
    static byte[] decode(String data, Optional<String> contentEncoding, Supplier<String> contentType, String where) {
        if (data.length() > SignRequest.MAX_DATA_CHARS) {
            throw invalid(where + ".data is longer than " + SignRequest.MAX_DATA_CHARS + " characters");
        }
        String encoding = contentEncoding.orElse("utf-8").toLowerCase(Locale.ROOT);
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
        String type = Optional.ofNullable(contentType.get()).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            if (!encoding.equals("base64")) {
                throw invalid(where + ": an image must be base64 encoded");
            }
            Images.requireJpegOrPng(bytes, type, where);
        }
        return bytes;
    }
}
