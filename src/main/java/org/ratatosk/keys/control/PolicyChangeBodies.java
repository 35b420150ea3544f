package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * TSB's modify body, {@code {"modifyRequest":{"modifyKeyName":…,"policy":…}}}. The request object is
 * checked first, then a key password is refused, then the key is named: two records, read in turn,
 * with the password between them. The policy is read after the key is found.
 */
public final class PolicyChangeBodies {

    private PolicyChangeBodies() {
    }

    public record Modify(@NotNull(message = "'modifyRequest' is required and must be a JSON object") JsonObject modifyRequest) {
    }

    public record ModifyKey(@NotEmpty(message = "'modifyKeyName' is required") String modifyKeyName) {
    }
}
