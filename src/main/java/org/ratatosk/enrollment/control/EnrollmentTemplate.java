package org.ratatosk.enrollment.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.ratatosk.ca.control.CertificateProfile;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;
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
        long lifespan = seconds(Bodies.bind(body, EnrollmentBodies.Lifespan.class).lifespan(), "lifespan", maxLifespan);
        long timeout = seconds(Bodies.bind(body, EnrollmentBodies.Timeout.class).timeout(), "timeout", maxTimeout);
        EnrollmentBodies.Usages usages = Bodies.bind(body, EnrollmentBodies.Usages.class);
        var stored = Jsons.createObjectBuilder()
                .add("validity", profile.validity().toDays())
                .add("keyUsage", usages.keyUsage() == null ? JsonValue.EMPTY_JSON_ARRAY : usages.keyUsage())
                .add("extendedKeyUsage", usages.extendedKeyUsage() == null ? JsonValue.EMPTY_JSON_ARRAY : usages.extendedKeyUsage())
                .add("lifespan", lifespan)
                .add("timeout", timeout)
                .build();
        return new EnrollmentTemplate(profile, lifespan, timeout, stored);
    }

    private static long seconds(Long given, String key, long max) {
        long value = given == null ? Math.min(DEFAULT_SECONDS, max) : given;
        if (value < 1 || value > max) {
            throw InvalidInput.field("'" + key + "' must be 1 to " + max + " seconds");
        }
        return value;
    }
}
