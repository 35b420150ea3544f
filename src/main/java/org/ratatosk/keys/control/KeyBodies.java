package org.ratatosk.keys.control;

import jakarta.validation.constraints.NotEmpty;

/** The bodies that only name a key, or carry the certificate chain of a key named in the path. */
public final class KeyBodies {

    private KeyBodies() {
    }

    /** TSB's {"label"}: the key read or deleted. */
    public record Named(@NotEmpty(message = "'label' is required") String label) {
    }

    /** A PEM chain, the key's certificate first. */
    public record CertificateChain(@NotEmpty(message = "'certificate' is required") String certificate) {
    }
}
