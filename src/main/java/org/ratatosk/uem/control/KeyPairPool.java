package org.ratatosk.uem.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One reserve per key type, warmed at start for the configured type and refilled in the background. */
@ApplicationScoped
public class KeyPairPool {

    @Resource
    ManagedExecutorService executor;

    @Inject
    UemSettings settings;

    private final Map<KeyAlgorithm, KeyReserve> reserves = new ConcurrentHashMap<>();

    void warm(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings.keyAlgorithm().ifPresent(algorithm -> reserve(algorithm).refill());
    }

    public KeyPair take(KeyAlgorithm algorithm) {
        return reserve(algorithm).take();
    }

    public int available(KeyAlgorithm algorithm) {
        return reserve(algorithm).available();
    }

    private KeyReserve reserve(KeyAlgorithm algorithm) {
        return reserves.computeIfAbsent(algorithm,
                a -> new KeyReserve(a.configName(), settings.poolSize(), a::generate, executor));
    }

    @PreDestroy
    void close() {
        reserves.values().forEach(KeyReserve::close);
    }
}
