package org.ratatosk.uem.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.function.Predicate;
import org.ratatosk.platform.Accepted;

/**
 * The body that replaces the connector's settings, all five named: {@code caKey} may be null
 * (no CA key, the development CA where it serves) but must be there.
 */
public record UemSettingsChange(
        @Size(min = 1, message = "'caKey' is required") String caKey,
        @NotEmpty(message = "'keyAlgorithm' is required")
        @Accepted(by = KnownAlgorithm.class, message = "keyAlgorithm must be RSA_2048, RSA_3072 or EC_P256") String keyAlgorithm,
        @NotNull(message = "poolSize is required")
        @Min(value = 0, message = POOL_RULE) @Max(value = UemSettingsStore.MAX_POOL_SIZE, message = POOL_RULE) Long poolSize,
        @NotEmpty(message = "'passwordMode' is required")
        @Accepted(by = KnownPasswordMode.class, message = "passwordMode must be random or otp") String passwordMode,
        @NotNull(message = "validityDays is required")
        @Min(value = 1, message = VALIDITY_RULE)
        @Max(value = UemSettingsStore.MAX_VALIDITY_DAYS, message = VALIDITY_RULE) Long validityDays) {

    static final String POOL_RULE = "poolSize must be 0 to " + UemSettingsStore.MAX_POOL_SIZE;
    static final String VALIDITY_RULE = "validityDays must be 1 to " + UemSettingsStore.MAX_VALIDITY_DAYS;

    UemSettings.Values values() {
        return new UemSettings.Values(caKey, KeyAlgorithm.fromName(keyAlgorithm).orElseThrow(), poolSize.intValue(),
                UemSettings.passwordSource(passwordMode).orElseThrow(), validityDays.intValue());
    }

    public static final class KnownAlgorithm implements Predicate<String> {
        @Override
        public boolean test(String name) {
            return KeyAlgorithm.fromName(name).isPresent();
        }
    }

    public static final class KnownPasswordMode implements Predicate<String> {
        @Override
        public boolean test(String mode) {
            return UemSettings.passwordSource(mode).isPresent();
        }
    }
}
