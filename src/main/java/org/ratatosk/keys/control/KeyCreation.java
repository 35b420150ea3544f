package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotEmpty;
import java.util.Locale;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.tokens.control.KeySpec;

/**
 * The body of a new key, checked whole before the key's label is looked up. The key's kind is
 * checked with its curve, as only an EC key reads {@code curveOid}: for the others it may be anything.
 */
public record KeyCreation(
        @NotEmpty(message = "'label' is required") String label,
        String algorithm,
        Long keySize,
        JsonValue curveOid,
        JsonObject attributes,
        JsonValue policy) implements Bodies.Checked {

    @Override
    public void check(String component) {
        switch (component) {
            case "label" -> KeyJson.requireValidLabel(label);
            case "curveOid" -> spec();
            case "attributes" -> keyAttributes();
            case "policy" -> KeyPolicy.parse(policy);
            default -> {
            }
        }
    }

    /** RSA 2048 unless the body says otherwise; an EC key's curve by OID, or by size. */
    KeySpec spec() {
        Integer size = keySize == null ? null : KeyCreation.bits(keySize);
        return switch (algorithm == null ? "RSA" : algorithm.toUpperCase(Locale.ROOT)) {
            case "RSA" -> KeySpec.rsa(size == null ? 2048 : size);
            case "EC" -> KeySpec.ec(curve(), size);
            case "AES" -> KeySpec.aes(size == null ? 256 : size);
            default -> throw new InvalidInput(ErrorCode.INVALID_ALGORITHM, "'algorithm' must be RSA, EC or AES");
        };
    }

    /**
     * A size as the key specs read it. A size beyond an int is no key's size: it is held at the
     * int's bound, which no kind of key has, rather than wrapped round onto a size that one has
     * (4294969344 is not 2048).
     */
    static int bits(long size) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, size));
    }

    private String curve() {
        if (curveOid == null) {
            return null;
        }
        if (curveOid instanceof JsonString oid) {
            return oid.getString();
        }
        throw new InvalidInput(ErrorCode.WRONG_TYPE, "'curveOid' must be a string");
    }

    /** The key's attributes, the defaults where the body says nothing. */
    KeyAttributes keyAttributes() {
        return KeyJson.attributes(attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes, KeyJson.defaults());
    }
}
