package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;

/**
 * The validated {@code commandHeader}: lifespan and timeout within limits, externalId bounded. The
 * limits are configuration, so they are checked between the record of the times and the record of
 * the externalId, which keeps the order the header's faults were always answered in.
 */
public record CommandHeader(long lifespan, long timeout, String externalId) {

    /** The header's times, both required. */
    public record Times(@NotNull(message = "commandHeader.lifespan is required") Long lifespan,
                        @NotNull(message = "commandHeader.timeout is required") Long timeout) {
    }

    /** The header's optional externalId. */
    public record External(@Size(min = 1, max = 128, message = "commandHeader.externalId must be 1 to 128 characters")
                           String externalId) {
    }

    static CommandHeader read(JsonObject header, long maxLifespan, long maxTimeout) {
        Times times = Bodies.bind(header, Times.class);
        if (times.lifespan() < 1 || times.lifespan() > maxLifespan) {
            throw InvalidInput.field("commandHeader.lifespan must be 1 to " + maxLifespan + " seconds");
        }
        if (times.timeout() < 1 || times.timeout() > maxTimeout) {
            throw InvalidInput.field("commandHeader.timeout must be 1 to " + maxTimeout + " seconds");
        }
        String externalId = Bodies.bind(header, External.class).externalId();
        return new CommandHeader(times.lifespan(), times.timeout(), externalId);
    }
}
