package org.ratatosk.uem.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ratatosk.platform.Metrics;

/**
 * One reserve per key type, refilled in the background. The configured type's reserve is warmed
 * shortly after start, not during it, so key generation does not slow the server's boot.
 */
@ApplicationScoped
public class KeyPairPool {

    static final String AVAILABLE = "hermod_uem_key_pool_available";
    static final long WARM_UP_DELAY_SECONDS = 20;
    /** How long no pair must have been taken before the refill generates the next one. */
    static final Duration REFILL_QUIET = Duration.ofMillis(250);
    /** The longest the refill defers one pair under steady demand. */
    static final Duration REFILL_MAX_DEFERRAL = Duration.ofSeconds(2);

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UemSettings settings;

    @Inject
    Metrics metrics;

    private final Map<KeyAlgorithm, KeyReserve<PooledKey>> reserves = new ConcurrentHashMap<>();

    void warm(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(AVAILABLE, "Pre-generated key pairs ready for the UEM connector's configured key type.",
                () -> settings.keyAlgorithm().map(this::available).orElse(0));
        settings.keyAlgorithm().ifPresent(algorithm ->
                scheduler.schedule(() -> reserve(algorithm).refill(), WARM_UP_DELAY_SECONDS, TimeUnit.SECONDS));
    }

    public PooledKey take(KeyAlgorithm algorithm) {
        return reserve(algorithm).take();
    }

    /** Starts filling the configured type's reserve, as after a change of the settings. */
    public void refillConfigured() {
        settings.keyAlgorithm().ifPresent(algorithm -> reserve(algorithm).refill());
    }

    public int available(KeyAlgorithm algorithm) {
        return reserve(algorithm).available();
    }

    private KeyReserve<PooledKey> reserve(KeyAlgorithm algorithm) {
        return reserves.computeIfAbsent(algorithm,
                a -> new KeyReserve<>(a.configName(), settings::poolSize, () -> new PooledKey(a.generate(), Pkcs12Password.random()), executor,
                        REFILL_QUIET, REFILL_MAX_DEFERRAL, System::nanoTime, Thread::sleep));
    }

    /**
     * A pair with the random password of the file it will leave in, that password's keys derived:
     * the file then costs a request no key derivation unless it is sealed with the one-time password.
     */
    public record PooledKey(KeyPair keys, Pkcs12Password randomPassword) {
    }

    @PreDestroy
    void close() {
        reserves.values().forEach(KeyReserve::close);
    }
}
