package org.ratatosk.tokens.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.logging.Logger;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Metrics;
import org.ratatosk.platform.Secrets;

/**
 * The server's one token: the HSM named by {@code hermod.pkcs11.config}, or else the software key
 * store. The PIN comes from the environment ({@code HERMOD_PKCS11_PIN}) or a file, never from
 * the database, and is never logged.
 */
@ApplicationScoped
public class Tokens {

    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());

    @Inject
    Config config;

    @Inject
    Metrics metrics;

    private CryptoToken token;

    @PostConstruct
    void open() {
        String pkcs11 = config.get("hermod.pkcs11.config", null);
        if (pkcs11 != null && !"software".equals(config.get("hermod.keys.token", "auto"))) {
            Pkcs11Configuration configuration = Pkcs11Configuration.read(Path.of(pkcs11));
            token = new MeteredToken(new Pkcs11Token(configuration, pin()), metrics::hsmSigning);
            LOG.info("Keys live in the HSM through " + configuration.library());
        } else {
            Path store = Path.of(config.get("hermod.keys.store", config.dataDir().resolve("keys.p12").toString()));
            token = new SoftwareToken(store, storePassword(store));
            LOG.warning("No HSM configured (hermod.pkcs11.config): keys live in the software key store " + store);
        }
    }

    private char[] pin() {
        String pin = System.getenv("HERMOD_PKCS11_PIN");
        if (pin != null && !pin.isBlank()) {
            return pin.trim().toCharArray();
        }
        String file = config.get("hermod.pkcs11.pin-file", null);
        if (file == null) {
            LOG.severe("No PKCS#11 PIN: set HERMOD_PKCS11_PIN or hermod.pkcs11.pin-file; the HSM stays unavailable");
            return new char[0];
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PKCS#11 PIN file " + file, e);
        }
    }

    private char[] storePassword(Path store) {
        String configured = config.get("hermod.keys.store-password", null);
        if (configured != null) {
            return configured.toCharArray();
        }
        Path file = store.resolveSibling(store.getFileName() + ".password");
        return Base64.getEncoder().encodeToString(Secrets.loadOrCreate(file)).toCharArray();
    }

    public CryptoToken token() {
        return token;
    }

    @PreDestroy
    void close() {
        if (token != null) {
            token.close();
        }
    }
}
