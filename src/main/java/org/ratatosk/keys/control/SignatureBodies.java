package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * TSB's sign and verify bodies, as far as they are read before the key: the request object and
 * the key it names, which both call {@code signKeyName}. The algorithm, the payload and the
 * signature are checked against the key once it is found, so they are read after it.
 */
public final class SignatureBodies {

    private SignatureBodies() {
    }

    public record Sign(@NotNull(message = "'signRequest' is required and must be a JSON object") JsonObject signRequest) {
    }

    public record Verify(
            @NotNull(message = "'verifySignatureRequest' is required and must be a JSON object") JsonObject verifySignatureRequest) {
    }

    /**
     * The sign request as far as it is read before the key. TSB's {@code payloadType} ("UNSPECIFIED"
     * and the like) changes nothing here, but it is held to its type as every other member is.
     */
    public record SignRequest(@NotEmpty(message = "'signKeyName' is required") String signKeyName, String payloadType) {
    }

    public record SignKey(@NotEmpty(message = "'signKeyName' is required") String signKeyName) {
    }
}
