package org.ratatosk.ca.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;

/**
 * The profile fields of a certificate request as they are written. Validity is required only in
 * the group {@link Dated}, for a self-signed certificate; a CSR or a certificate issued to one has a
 * year unless it says otherwise. The names in the arrays are looked up in their component's step.
 */
public record ProfileBody(
        @NotNull(groups = ProfileBody.Dated.class, message = ProfileBody.VALIDITY)
        @Min(value = 1, message = ProfileBody.VALIDITY)
        @Max(value = CertificateProfile.MAX_VALIDITY_DAYS, message = ProfileBody.VALIDITY) Long validity,
        JsonArray keyUsage,
        JsonArray extendedKeyUsage,
        Boolean certificateAuthority,
        JsonObject basicConstraints,
        String signatureAlgorithm) implements Bodies.Checked {

    static final String VALIDITY = "'validity' must be a number of days from 1 to " + CertificateProfile.MAX_VALIDITY_DAYS;

    static final long DEFAULT_DAYS = 365;

    /** The group in which validity must be given. */
    public interface Dated {
    }

    /** {@code pathLenConstraint} counts only for a CA, which this object may declare instead of the request. */
    public record Constraints(
            Boolean certificateAuthority,
            @Min(value = 0, message = "'pathLenConstraint' must be between 0 and 16")
            @Max(value = 16, message = "'pathLenConstraint' must be between 0 and 16") Long pathLenConstraint) {
    }

    @Override
    public void check(String component) {
        switch (component) {
            case "keyUsage" -> keyUsageBits();
            case "extendedKeyUsage" -> extendedKeyUsages();
            case "basicConstraints" -> constraints();
            case "signatureAlgorithm" -> algorithm();
            default -> {
            }
        }
    }

    CertificateProfile profile() {
        boolean ca = certificateAuthority != null && certificateAuthority;
        Integer pathLength = null;
        Constraints constraints = constraints();
        if (constraints != null) {
            ca = constraints.certificateAuthority() == null ? ca : constraints.certificateAuthority();
            Long length = constraints.pathLenConstraint();
            pathLength = ca && length != null ? length.intValue() : null;
        }
        return new CertificateProfile(Duration.ofDays(validity == null ? DEFAULT_DAYS : validity), keyUsageBits(),
                extendedKeyUsages(), ca, pathLength, algorithm());
    }

    private int keyUsageBits() {
        int bits = 0;
        for (String name : names(keyUsage, "keyUsage")) {
            bits |= CertificateProfile.keyUsage(name);
        }
        return bits;
    }

    private List<KeyPurposeId> extendedKeyUsages() {
        List<KeyPurposeId> purposes = new ArrayList<>();
        for (String name : names(extendedKeyUsage, "extendedKeyUsage")) {
            KeyPurposeId purpose = CertificateProfile.extendedKeyUsage(name);
            if (!purposes.contains(purpose)) {
                purposes.add(purpose);
            }
        }
        return List.copyOf(purposes);
    }

    private Constraints constraints() {
        return basicConstraints == null ? null : Bodies.bind(basicConstraints, Constraints.class);
    }

    private String algorithm() {
        return signatureAlgorithm == null ? null : CertificateProfile.signatureAlgorithm(signatureAlgorithm);
    }

    /** Every member is a string before any is looked up, so a number among unknown names is named as such. */
    private static List<String> names(JsonArray array, String key) {
        List<String> names = new ArrayList<>();
        for (JsonValue value : array == null ? JsonValue.EMPTY_JSON_ARRAY : array) {
            if (!(value instanceof JsonString string)) {
                throw InvalidInput.field("'" + key + "' must be an array of strings");
            }
            names.add(string.getString());
        }
        return names;
    }
}
