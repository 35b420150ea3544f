package org.ratatosk.keys.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The bodies that only name a key, or carry the certificate chain of a key named in the path, and
 * the change of attributes kept while it waits for approval.
 */
public final class KeyBodies {

    private KeyBodies() {
    }

    /** TSB's {"label"}: the key read or deleted. */
    public record Named(@NotEmpty(message = "'label' is required") String label) {
    }

    /** A PEM chain, the key's certificate first. */
    public record CertificateChain(@NotEmpty(message = "'certificate' is required") String certificate) {
    }

    /** A change of attributes as it is kept until it is applied: always with its attributes object. */
    public record Restriction(@NotNull(message = "'attributes' is required and must be a JSON object") JsonObject attributes) {
    }
}
