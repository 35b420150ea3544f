package org.ratatosk.keys.tsb;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.keys.entity.TsbApiKey;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.Secrets;

/**
 * The operator's TSB API keys: made with their roles, listed, removed, and found by the token a
 * client presents in {@code X-API-KEY}.
 */
@Stateless
public class TsbApiKeys {

    private static final Logger LOG = Logger.getLogger(TsbApiKeys.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Creates or replaces the key {@code name}; the answer carries the new token, the only time it is shown. */
    public JsonObject put(String name, JsonObject body) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}")) {
            throw new InvalidInput(ErrorCode.INVALID_NAME,
                    "The name must be 1 to 128 letters, digits or . _ @ : - and start with a letter or digit");
        }
        Set<Role> roles = roles(body);
        TsbApiKey existing = em.find(TsbApiKey.class, name);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        String token = Secrets.random(32);
        TsbApiKey key = new TsbApiKey(name, Hashes.sha256Hex(token), roles, clock.instant());
        em.persist(key);
        LOG.info("TSB API key '" + name + "' " + (existing == null ? "created" : "replaced") + " with roles " + roles);
        audit.record("operator", "tsb-api-key", name, existing == null ? "CREATED" : "REPLACED",
                Jsons.createObjectBuilder().add("roles", rolesJson(roles)).build());
        return Jsons.createObjectBuilder(render(key)).add("token", token).build();
    }

    static Set<Role> roles(JsonObject body) {
        JsonValue value = body.get("roles");
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            throw new InvalidInput(ErrorCode.INVALID_ROLES, "'roles' must be a non-empty array of " + List.of(Role.values()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonValue role : value.asJsonArray()) {
            if (!(role instanceof JsonString text)) {
                throw new InvalidInput(ErrorCode.INVALID_ROLES, "Every role must be a string");
            }
            try {
                roles.add(Role.valueOf(text.getString()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(ErrorCode.INVALID_ROLES, "Unknown role '" + text.getString() + "'; roles are "
                        + List.of(Role.values()));
            }
        }
        return roles;
    }

    public JsonObject get(String name) {
        return render(require(name));
    }

    public JsonArray list() {
        JsonArrayBuilder keys = Jsons.createArrayBuilder();
        em.createQuery("SELECT k FROM TsbApiKey k ORDER BY k.name", TsbApiKey.class).getResultList()
                .forEach(k -> keys.add(render(k)));
        return keys.build();
    }

    public void delete(String name) {
        em.remove(require(name));
        LOG.info("TSB API key '" + name + "' deleted");
        audit.record("operator", "tsb-api-key", name, "DELETED", null);
    }

    /** The roles of the key whose token this is, or empty for a token nobody holds. */
    public Optional<Set<Role>> rolesOf(String token) {
        List<TsbApiKey> found = em.createQuery("SELECT k FROM TsbApiKey k WHERE k.tokenHash = :hash", TsbApiKey.class)
                .setParameter("hash", Hashes.sha256Hex(token)).getResultList();
        return found.stream().findFirst().map(TsbApiKey::roles);
    }

    private TsbApiKey require(String name) {
        TsbApiKey key = name == null ? null : em.find(TsbApiKey.class, name);
        if (key == null) {
            throw new NotFound("TSB API key '" + name + "'");
        }
        return key;
    }

    private static JsonObject render(TsbApiKey key) {
        return Jsons.createObjectBuilder().add("name", key.name()).add("roles", rolesJson(key.roles()))
                .add("createdAt", key.createdAt().toString()).build();
    }

    static JsonArrayBuilder rolesJson(Set<Role> roles) {
        JsonArrayBuilder array = Jsons.createArrayBuilder();
        roles.stream().sorted().forEach(r -> array.add(r.name()));
        return array;
    }
}
