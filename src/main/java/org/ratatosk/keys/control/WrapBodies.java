package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

/**
 * TSB's wrap and unwrap request objects. What they hold is read field by field, each checked
 * against the wrap method or a key before the next is read, so only the object itself is a record.
 */
public final class WrapBodies {

    private WrapBodies() {
    }

    public record Wrap(@NotNull(message = "'wrapKeyRequest' is required and must be a JSON object") JsonObject wrapKeyRequest) {
    }

    public record Unwrap(@NotNull(message = "'unwrapKeyRequest' is required and must be a JSON object") JsonObject unwrapKeyRequest) {
    }
}
