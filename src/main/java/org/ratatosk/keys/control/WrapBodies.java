package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Base64;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.tokens.control.WrapMethod;

/**
 * TSB's wrap and unwrap request objects. What a wrap request holds is read field by field, each
 * checked against the wrap method or a key before the next is read; an unwrap request is checked
 * whole before its unwrapping key is looked up.
 */
public final class WrapBodies {

    private WrapBodies() {
    }

    public record Wrap(@NotNull(message = "'wrapKeyRequest' is required and must be a JSON object") JsonObject wrapKeyRequest) {
    }

    public record Unwrap(@NotNull(message = "'unwrapKeyRequest' is required and must be a JSON object") JsonObject unwrapKeyRequest) {
    }

    /** How a wrap request wraps. */
    public record Method(@NotEmpty(message = "'wrapMethod' is required") String wrapMethod) implements Bodies.Checked {

        @Override
        public void check(String component) {
            method();
        }

        WrapMethod method() {
            return WrapMethod.parse(wrapMethod);
        }
    }

    /** The key that wraps, read once the method is known. */
    public record WrappingKey(@NotEmpty(message = "'wrapKeyName' is required") String wrapKeyName) {
    }

    /** The key wrapped, read once the wrapping key is found fit. */
    public record Target(@NotEmpty(message = "'keyToBeWrapped' is required") String keyToBeWrapped) {
    }

    /** What an unwrap request holds; the key it names is looked up once all of it is found right. */
    public record UnwrapKey(
            @NotEmpty(message = "'wrapMethod' is required") String wrapMethod,
            @NotEmpty(message = "'label' is required") String label,
            @NotEmpty(message = "'wrappedKey' is required") String wrappedKey,
            JsonObject attributes,
            JsonValue policy,
            @NotEmpty(message = "'unwrapKeyName' is required") String unwrapKeyName) implements Bodies.Checked {

        @Override
        public void check(String component) {
            switch (component) {
                case "wrapMethod" -> method();
                case "label" -> KeyJson.requireValidLabel(label);
                case "wrappedKey" -> wrapped();
                case "attributes" -> keyAttributes();
                case "policy" -> KeyPolicy.parse(policy);
                default -> {
                }
            }
        }

        WrapMethod method() {
            return WrapMethod.parse(wrapMethod);
        }

        byte[] wrapped() {
            try {
                return Base64.getDecoder().decode(wrappedKey);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("'wrappedKey' must be base64");
            }
        }

        /** The new key's attributes, the defaults where the request says nothing. */
        KeyAttributes keyAttributes() {
            return KeyJson.attributes(attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes, KeyJson.defaults());
        }
    }
}
