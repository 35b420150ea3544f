package org.ratatosk.uem.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.ratatosk.tokens.control.Tokens;

/**
 * Lets the Quick start's UEM connector issue out of the box: on the software key store, with no CA
 * key configured or stored, the first start makes a development CA and the connector uses it. An
 * HSM never gets one. Whether to make it is decided again on every start by the database (the key's
 * row), so two nodes starting at once make one: the second one's insert fails on the label.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DevelopmentCa {

    public static final String LABEL = "hermod-dev-uem-ca";
    public static final String SOFTWARE = "software";

    private static final Logger LOG = Logger.getLogger(DevelopmentCa.class.getName());

    @Inject
    Tokens tokens;

    @Inject
    UemSettings settings;

    @Inject
    UemSettingsStore store;

    @Inject
    DevelopmentCaKey key;

    @PostConstruct
    void ensure() {
        try {
            UemSettingsStore.Snapshot stored = store.load();
            if (!wanted(tokens.token().kind(), settings.configuredCaKey(),
                    stored.stored().map(UemSettings.Values::caKey).orElse(null), key.exists())) {
                return;
            }
            key.create();
            settings.forget();
            LOG.warning("Created the UEM connector's CA key '" + LABEL + "' in the software key store: it is for"
                    + " development only; configure hermod.uem.ca-key with a CA key in an HSM for production");
        } catch (RuntimeException e) {
            // another node made it at the same moment, or the key store refused: the connector then
            // answers as it does without a CA, and the next start tries again
            LOG.warning("No development CA for the UEM connector now: " + e);
            settings.forget();
        }
    }

    /** Only on the software key store, only when no CA key is configured or stored, and only once. */
    static boolean wanted(String tokenKind, String configuredCaKey, String storedCaKey, boolean exists) {
        return SOFTWARE.equals(tokenKind) && configuredCaKey == null && storedCaKey == null && !exists;
    }
}
