package org.ratatosk.enrollment.control;

import jakarta.json.JsonArray;
import jakarta.validation.constraints.NotEmpty;

/**
 * An enrollment policy body, read in the steps of its checks: the CA key it names, then the
 * certificate template ({@link org.ratatosk.ca.control.CertificateProfile}), then the lifespan and
 * the timeout of the certificate command, each held to a configured bound before the next is read.
 */
public final class EnrollmentBodies {

    private EnrollmentBodies() {
    }

    public record Policy(@NotEmpty(message = "'caKey' is required") String caKey) {
    }

    public record Lifespan(Long lifespan) {
    }

    public record Timeout(Long timeout) {
    }

    /** The usages as given, kept with the template once the profile has checked them. */
    public record Usages(JsonArray keyUsage, JsonArray extendedKeyUsage) {
    }
}
