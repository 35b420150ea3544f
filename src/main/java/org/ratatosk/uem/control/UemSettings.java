package org.ratatosk.uem.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Jsons;

/**
 * The connector's settings, read on each use so an operator's change applies without redeploying.
 * What an operator stored ({@link UemSettingsStore}) wins over the system properties, which are the
 * starting values; the stored row is read through a cache of two seconds, so another node's change
 * arrives within that. Without any CA key, the development CA of the software key store serves.
 */
@ApplicationScoped
public class UemSettings {

    public static final String DEFAULT_PREFIX = "/hermod/rest/uem";
    static final List<String> MEMBERS = List.of("caKey", "keyAlgorithm", "poolSize", "passwordMode", "validityDays");
    static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    public enum PasswordSource { RANDOM, OTP }

    /** The five settings an operator changes at run time. */
    public record Values(String caKey, KeyAlgorithm keyAlgorithm, int poolSize, PasswordSource passwordMode, int validityDays) {
    }

    private static final Logger LOG = Logger.getLogger(UemSettings.class.getName());

    @Inject
    Config config;

    @Inject
    UemSettingsStore store;

    private volatile UemSettingsStore.Snapshot snapshot;
    private volatile long snapshotAt;

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

    /** The stored CA key, else the configured one, else the development CA when it exists; null without any. */
    public String caKey() {
        UemSettingsStore.Snapshot current = snapshot();
        String caKey = current.stored().map(Values::caKey).orElseGet(this::configuredCaKey);
        return caKey == null && current.developmentCa() ? DevelopmentCa.LABEL : caKey;
    }

    public String configuredCaKey() {
        return config.get("hermod.uem.ca-key", null);
    }

    public String keyAlgorithmName() {
        return snapshot().stored().map(v -> v.keyAlgorithm().configName())
                .orElseGet(() -> config.get("hermod.uem.key-algorithm", KeyAlgorithm.RSA_2048.configName()));
    }

    public Optional<KeyAlgorithm> keyAlgorithm() {
        return KeyAlgorithm.fromConfig(keyAlgorithmName());
    }

    public Duration validity() {
        return Duration.ofDays(snapshot().stored().map(v -> (long) v.validityDays())
                .orElseGet(() -> config.getLong("hermod.uem.validity-days", 365)));
    }

    /** Empty when the setting names neither source. */
    public Optional<PasswordSource> passwordSource() {
        return snapshot().stored().map(Values::passwordMode)
                .or(() -> passwordSource(config.get("hermod.uem.p12-password", "random")));
    }

    static Optional<PasswordSource> passwordSource(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "random" -> Optional.of(PasswordSource.RANDOM);
            case "otp" -> Optional.of(PasswordSource.OTP);
            default -> Optional.empty();
        };
    }

    public int poolSize() {
        return snapshot().stored().map(Values::poolSize)
                .orElseGet(() -> (int) Math.max(0, Math.min(1024, config.getLong("hermod.uem.pool-size", 8))));
    }

    public int otpLength() {
        return (int) Math.max(OneTimePasswords.MIN_LENGTH, Math.min(64, config.getLong("hermod.uem.otp-length", 10)));
    }

    /** The settings in force, as the settings API shows them. */
    public JsonObject current() {
        return Jsons.createObjectBuilder()
                .add("caKey", caKey() == null ? JsonValue.NULL : Jsons.createValue(caKey()))
                .add("keyAlgorithm", keyAlgorithm().map(Enum::name).orElse(keyAlgorithmName()))
                .add("poolSize", poolSize())
                .add("passwordMode", passwordSource().map(s -> s.name().toLowerCase(Locale.ROOT))
                        .orElse(config.get("hermod.uem.p12-password", "random")))
                .add("validityDays", validity().toDays())
                .build();
    }

    static JsonObject json(Values values) {
        return Jsons.createObjectBuilder()
                .add("caKey", values.caKey() == null ? JsonValue.NULL : Jsons.createValue(values.caKey()))
                .add("keyAlgorithm", values.keyAlgorithm().name())
                .add("poolSize", values.poolSize())
                .add("passwordMode", values.passwordMode().name().toLowerCase(Locale.ROOT))
                .add("validityDays", values.validityDays())
                .build();
    }

    /** Read again at the next use: this node's own change applies at once. */
    public void forget() {
        snapshot = null;
    }

    private UemSettingsStore.Snapshot snapshot() {
        UemSettingsStore.Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - snapshotAt > CACHE_NANOS) {
            try {
                current = store.load();
            } catch (RuntimeException e) {
                // the database is down or not migrated yet: what was last read, or the starting values
                LOG.log(Level.WARNING, "Cannot read the stored UEM connector settings: " + e);
                return current != null ? current : new UemSettingsStore.Snapshot(Optional.empty(), false);
            }
            snapshot = current;
            snapshotAt = now;
        }
        return current;
    }
}
