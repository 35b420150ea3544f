package org.ratatosk.enrollment.control;

import jakarta.json.JsonObject;
import org.ratatosk.ca.control.CertificateProfile;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;

/**
 * The certificate template of an enrollment policy, in the key API's names ({@code validity} in
 * days, {@code keyUsage[]}, {@code extendedKeyUsage[]}), plus the lifespan and timeout of the
 * certificate command that carries the result to the device.
 */
public record EnrollmentTemplate(CertificateProfile profile, long lifespan, long timeout, JsonObject stored) {

    static final long DEFAULT_SECONDS = 3600;

    public static EnrollmentTemplate parse(JsonObject body, long maxLifespan, long maxTimeout) {
        CertificateProfile profile = CertificateProfile.parse(body, false);
        if (profile.certificateAuthority()) {
            throw InvalidInput.field("An enrolled device certificate cannot be a CA certificate");
        }
        long lifespan = seconds(body, "lifespan", maxLifespan);
        long timeout = seconds(body, "timeout", maxTimeout);
        var stored = Jsons.createObjectBuilder()
                .add("validity", profile.validity().toDays())
                .add("keyUsage", JsonBodies.optionalArray(body, "keyUsage").orElse(Jsons.createArrayBuilder().build()))
                .add("extendedKeyUsage", JsonBodies.optionalArray(body, "extendedKeyUsage")
                        .orElse(Jsons.createArrayBuilder().build()))
                .add("lifespan", lifespan)
                .add("timeout", timeout)
                .build();
        return new EnrollmentTemplate(profile, lifespan, timeout, stored);
    }

    private static long seconds(JsonObject body, String key, long max) {
        long value = JsonBodies.optionalLong(body, key).orElse(Math.min(DEFAULT_SECONDS, max));
        if (value < 1 || value > max) {
            throw InvalidInput.field("'" + key + "' must be 1 to " + max + " seconds");
        }
        return value;
    }
}
