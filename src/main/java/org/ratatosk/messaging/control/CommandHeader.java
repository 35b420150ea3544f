package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;

/** The validated {@code commandHeader}: lifespan and timeout within limits, externalId bounded. */
record CommandHeader(long lifespan, long timeout, String externalId) {

    static CommandHeader read(JsonObject header, long maxLifespan, long maxTimeout) {
        long lifespan = JsonBodies.optionalLong(header, "lifespan")
                .orElseThrow(() -> InvalidInput.field("commandHeader.lifespan is required"));
        long timeout = JsonBodies.optionalLong(header, "timeout")
                .orElseThrow(() -> InvalidInput.field("commandHeader.timeout is required"));
        if (lifespan < 1 || lifespan > maxLifespan) {
            throw InvalidInput.field("commandHeader.lifespan must be 1 to " + maxLifespan + " seconds");
        }
        if (timeout < 1 || timeout > maxTimeout) {
            throw InvalidInput.field("commandHeader.timeout must be 1 to " + maxTimeout + " seconds");
        }
        String externalId = JsonBodies.optionalString(header, "externalId").orElse(null);
        if (externalId != null && (externalId.isEmpty() || externalId.length() > 128)) {
            throw InvalidInput.field("commandHeader.externalId must be 1 to 128 characters");
        }
        return new CommandHeader(lifespan, timeout, externalId);
    }
}
