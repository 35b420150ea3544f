package org.ratatosk.uem.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.ManagedKey;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.uem.entity.UemStoredSettings;

/**
 * Reads and writes the connector's stored settings. A change is validated whole and audited; the
 * row is what every node reads, so a change on one node reaches the others without a restart.
 */
@Stateless
public class UemSettingsStore {

    static final int MAX_POOL_SIZE = 1000;
    static final int MAX_VALIDITY_DAYS = 36500;

    private static final Logger LOG = Logger.getLogger(UemSettingsStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** The settings as stored, and whether the development CA key exists in the software key store. */
    public record Snapshot(Optional<UemSettings.Values> stored, boolean developmentCa) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Snapshot load() {
        UemStoredSettings row = em.find(UemStoredSettings.class, UemStoredSettings.ID);
        ManagedKey devCa = em.find(ManagedKey.class, ManagedKey.idOf(DevelopmentCa.LABEL));
        return new Snapshot(Optional.ofNullable(row).map(UemSettingsStore::values),
                devCa != null && DevelopmentCa.SOFTWARE.equals(devCa.tokenKind()) && devCa.certificateChain() != null);
    }

    /** Validates the whole body and stores it: 400 {@code INVALID_FIELD} names the first wrong member. */
    public UemSettings.Values store(JsonObject body) {
        UemSettings.Values values = parse(body);
        if (values.caKey() != null && em.find(ManagedKey.class, ManagedKey.idOf(values.caKey())) == null) {
            throw InvalidInput.field("caKey: no key labelled '" + values.caKey() + "'");
        }
        UemStoredSettings row = em.find(UemStoredSettings.class, UemStoredSettings.ID, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        boolean first = row == null;
        if (first) {
            row = new UemStoredSettings(now);
        }
        row.change(values.caKey(), values.keyAlgorithm().name(), values.poolSize(),
                values.passwordMode().name().toLowerCase(Locale.ROOT), values.validityDays(), now);
        if (first) {
            em.persist(row);
        }
        audit.record("operator", "uem-settings", UemStoredSettings.ID, "UPDATED", UemSettings.json(values));
        LOG.info("UEM connector settings changed: " + UemSettings.json(values));
        return values;
    }

    /** Forgets what was stored: the system properties are the settings again. */
    public void clear() {
        UemStoredSettings row = em.find(UemStoredSettings.class, UemStoredSettings.ID, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            em.remove(row);
            audit.record("operator", "uem-settings", UemStoredSettings.ID, "CLEARED", null);
            LOG.info("UEM connector settings cleared: the system properties apply again");
        }
    }

    static UemSettings.Values parse(JsonObject body) {
        for (String member : body.keySet()) {
            if (!UemSettings.MEMBERS.contains(member)) {
                throw InvalidInput.field("Unknown member '" + member + "'; known: " + UemSettings.MEMBERS);
            }
        }
        if (!body.containsKey("caKey")) {
            throw InvalidInput.field("caKey is required (a key label, or null)");
        }
        return Bodies.bind(body, UemSettingsChange.class).values();
    }

    private static UemSettings.Values values(UemStoredSettings row) {
        return new UemSettings.Values(row.caKey(), KeyAlgorithm.fromName(row.keyAlgorithm()).orElse(KeyAlgorithm.RSA_2048),
                row.poolSize(), UemSettings.passwordSource(row.passwordMode()).orElse(UemSettings.PasswordSource.RANDOM),
                row.validityDays());
    }
}
