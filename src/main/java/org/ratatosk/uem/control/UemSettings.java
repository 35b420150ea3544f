package org.ratatosk.uem.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.ratatosk.platform.Config;

/** The connector's settings, read on each use so an operator's change applies without redeploying. */
@ApplicationScoped
public class UemSettings {

    public static final String DEFAULT_PREFIX = "/hermod/rest/uem";

    public enum PasswordSource { RANDOM, OTP }

    @Inject
    Config config;

    /** Where UEM finds {@code <prefix>/pki}, as a URL path that includes the context root. */
    public String prefix() {
        return config.get("hermod.uem.prefix", DEFAULT_PREFIX);
    }

    public ConnectorAuthentication.Settings authentication() {
        return new ConnectorAuthentication.Settings(
                config.get("hermod.uem.auth", "basic"),
                config.get("hermod.uem.user", null),
                config.get("hermod.uem.password", null),
                config.get("hermod.uem.client-cert.subject", null),
                config.get("hermod.uem.client-cert.sha256", null));
    }

    public String caKey() {
        return config.get("hermod.uem.ca-key", null);
    }

    public String keyAlgorithmName() {
        return config.get("hermod.uem.key-algorithm", KeyAlgorithm.RSA_2048.configName());
    }

    public Optional<KeyAlgorithm> keyAlgorithm() {
        return KeyAlgorithm.fromConfig(keyAlgorithmName());
    }

    public Duration validity() {
        return Duration.ofDays(config.getLong("hermod.uem.validity-days", 365));
    }

    /** Empty when the setting names neither source. */
    public Optional<PasswordSource> passwordSource() {
        String value = config.get("hermod.uem.p12-password", "random");
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> Optional.of(PasswordSource.RANDOM);
            case "otp" -> Optional.of(PasswordSource.OTP);
            default -> Optional.empty();
        };
    }

    public int poolSize() {
        return (int) Math.max(0, Math.min(1024, config.getLong("hermod.uem.pool-size", 8)));
    }

    public int otpLength() {
        return (int) Math.max(OneTimePasswords.MIN_LENGTH, Math.min(64, config.getLong("hermod.uem.otp-length", 10)));
    }
}
