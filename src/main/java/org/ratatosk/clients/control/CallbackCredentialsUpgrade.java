package org.ratatosk.clients.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seals, once, callback credentials that an earlier version stored in the clear: SQL cannot, as
 * the key comes from the server secret. All in one transaction at deployment, after the schema
 * migration; a value is cleared only where it is still the one read, so two nodes starting at
 * once seal each value once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class CallbackCredentialsUpgrade {

    private static final Logger LOG = Logger.getLogger(CallbackCredentialsUpgrade.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CallbackCredentials credentials;

    @PostConstruct
    void atDeployment() {
        sealPlainValues();
    }

    /** Seals every plain value still stored; returns how many. */
    public int sealPlainValues() {
        @SuppressWarnings("unchecked")
        List<Object[]> plain = em.createNativeQuery(
                "SELECT client_id, callback_basic_auth FROM api_client WHERE callback_basic_auth IS NOT NULL").getResultList();
        int sealed = 0;
        for (Object[] row : plain) {
            String clientId = (String) row[0];
            String value = String.valueOf(row[1]);
            sealed += em.createNativeQuery("UPDATE api_client SET callback_auth_sealed = ?1, callback_basic_auth = NULL"
                            + " WHERE client_id = ?2 AND callback_basic_auth = ?3")
                    .setParameter(1, credentials.seal(clientId, value))
                    .setParameter(2, clientId)
                    .setParameter(3, value)
                    .executeUpdate();
        }
        if (sealed > 0) {
            LOG.info("Sealed the callback credentials of " + sealed + " API client(s) that were stored in the clear");
        }
        return sealed;
    }
}
