package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.ratatosk.platform.Bodies;

/**
 * TSB's block and unblock bodies, {@code {"blockRequest":{"blockKeyName":…}}} and their unblock
 * twins. The wire names every member after its operation, so each operation has a record for its
 * request object and one for what it holds; the request object is checked before its content.
 */
public final class BlockBodies {

    private BlockBodies() {
    }

    public record Block(@NotNull(message = "'blockRequest' is required and must be a JSON object") JsonObject blockRequest) {

        /** The label of the key to block. */
        public String keyName() {
            return Bodies.bind(blockRequest, BlockKey.class).blockKeyName();
        }
    }

    public record BlockKey(@NotEmpty(message = "'blockKeyName' is required") String blockKeyName) {
    }

    public record Unblock(@NotNull(message = "'unblockRequest' is required and must be a JSON object") JsonObject unblockRequest) {

        /** The label of the key to unblock. */
        public String keyName() {
            return Bodies.bind(unblockRequest, UnblockKey.class).unblockKeyName();
        }
    }

    public record UnblockKey(@NotEmpty(message = "'unblockKeyName' is required") String unblockKeyName) {
    }
}
