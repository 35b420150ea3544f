package org.ratatosk.keys.control;

import jakarta.json.JsonObject;

/**
 * The body that changes a key's attributes: either the attributes under {@code attributes}, or
 * the body itself is the attributes. What each attribute may be is {@link KeyJson}'s to say.
 */
public record AttributesChange(JsonObject attributes) {

    JsonObject of(JsonObject body) {
        return attributes == null ? body : attributes;
    }
}
