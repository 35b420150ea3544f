package org.ratatosk.tokens.control;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;

/**
 * One login to the module: the providers configured for its slot, with their key stores, and the
 * private key handles found so far. It lives until the module fails; then it is closed whole and
 * a new one is built, so no handle of a dead session survives.
 */
final class Pkcs11Connection {

    private static final Logger LOG = Logger.getLogger(Pkcs11Connection.class.getName());

    private final Pkcs11Configuration configuration;
    private final char[] pin;
    final Slot strict;
    private volatile Slot extractable;
    final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    Pkcs11Connection(Pkcs11Configuration configuration, char[] pin) throws Exception {
        this.configuration = configuration;
        this.pin = pin;
        this.strict = new Slot(provider(configuration.strict()), pin);
    }

    synchronized Slot extractable() throws Exception {
        if (extractable == null) {
            extractable = new Slot(provider(configuration.extractable()), pin);
        }
        return extractable;
    }

    /** The private or secret key of the label. */
    java.security.Key key(String label) throws GeneralSecurityException {
        listAgainUnlessListed(label);
        if (strict.store.isKeyEntry(label) && strict.store.getCertificate(label) == null) {
            java.security.Key secret = strict.store.getKey(label, null);
            if (secret == null) {
                throw new java.security.KeyStoreException("The HSM lists key '" + label + "' but does not return it");
            }
            return secret;
        }
        return privateKey(label);
    }

    PrivateKey privateKey(String label) throws GeneralSecurityException {
        PrivateKey key = keys.get(label);
        if (key == null) {
            listAgainUnlessListed(label);
            key = (PrivateKey) strict.store.getKey(label, null);
            if (key == null && strict.store.containsAlias(label)) {
                // The token listed the key but cannot produce it: the token failed, not the caller.
                throw new java.security.KeyStoreException("The HSM lists key '" + label + "' but does not return it");
            }
            if (key == null) {
                throw new Conflict(ErrorCode.KEY_MATERIAL_MISSING, "The HSM holds no private key '" + label + "'");
            }
            keys.put(label, key);
        }
        return key;
    }

    /**
     * The key store lists the token's entries when it is loaded; a key another server made on a
     * token they share since then is found by listing them again.
     */
    private void listAgainUnlessListed(String label) throws GeneralSecurityException {
        if (strict.store.containsAlias(label)) {
            return;
        }
        try {
            strict.reload();
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new java.security.KeyStoreException("Cannot list the HSM's keys again", e);
        }
    }

    static Provider provider(String configText) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("The SunPKCS11 provider is not available in this Java runtime");
        }
        return base.configure("--" + configText);
    }

    void close() {
        keys.clear();
        strict.close();
        if (extractable != null) {
            extractable.close();
        }
    }

    /** A provider with its logged-in key store. */
    static final class Slot {
        final Provider provider;
        final KeyStore store;
        private final char[] pin;

        Slot(Provider provider, char[] pin) throws Exception {
            this.provider = provider;
            this.pin = pin;
            this.store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        }

        void reload() throws Exception {
            store.load(null, pin);
        }

        void close() {
            if (provider instanceof java.security.AuthProvider auth) {
                try {
                    auth.logout();
                } catch (LoginException | RuntimeException e) {
                    LOG.fine("Logout from a failed HSM session: " + e);
                }
            }
        }
    }
}
