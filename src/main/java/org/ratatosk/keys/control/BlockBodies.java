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
    }

    public record BlockKey(@NotEmpty(message = "'blockKeyName' is required") String blockKeyName) {
    }

    public record Unblock(@NotNull(message = "'unblockRequest' is required and must be a JSON object") JsonObject unblockRequest) {
    }

    public record UnblockKey(@NotEmpty(message = "'unblockKeyName' is required") String unblockKeyName) {
    }

    /** The label of the key the body blocks or unblocks. */
    static String keyName(JsonObject body, boolean block) {
        return block
                ? Bodies.bind(Bodies.bind(body, Block.class).blockRequest(), BlockKey.class).blockKeyName()
                : Bodies.bind(Bodies.bind(body, Unblock.class).unblockRequest(), UnblockKey.class).unblockKeyName();
    }
}
