package org.ratatosk.enrollment.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.enrollment.entity.EnrollmentPolicy;
import org.ratatosk.keys.control.Keys;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;

/** The operator's side of automatic enrollment: which clients opt in, with which CA key and template. */
@Stateless
public class EnrollmentPolicies {

    private static final Logger LOG = Logger.getLogger(EnrollmentPolicies.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Keys keys;

    @Inject
    AuditTrail audit;

    public JsonObject put(String clientId, JsonObject body) {
        if (em.find(ApiClient.class, clientId) == null) {
            throw new NotFound("API client " + clientId);
        }
        String caKey = Bodies.bind(body, EnrollmentBodies.Policy.class).caKey();
        EnrollmentTemplate template = EnrollmentTemplate.parse(body, config.maxLifespanSeconds(), config.maxTimeoutSeconds());
        keys.require(caKey);
        EnrollmentPolicy policy = em.find(EnrollmentPolicy.class, clientId);
        boolean created = policy == null;
        if (created) {
            policy = new EnrollmentPolicy(clientId);
        }
        policy.replace(caKey, template.stored().toString(), clock.instant());
        if (created) {
            em.persist(policy);
        }
        audit.record("operator", "enrollment-policy", clientId, created ? "CREATED" : "REPLACED",
                Jsons.createObjectBuilder().add("caKey", caKey).build());
        LOG.info("API client " + clientId + " enrolls automatically with CA key '" + caKey + "'");
        return view(policy);
    }

    public JsonObject get(String clientId) {
        return view(find(clientId));
    }

    public void delete(String clientId) {
        em.remove(find(clientId));
        audit.record("operator", "enrollment-policy", clientId, "DELETED", null);
        LOG.info("API client " + clientId + " no longer enrolls automatically");
    }

    private EnrollmentPolicy find(String clientId) {
        EnrollmentPolicy policy = em.find(EnrollmentPolicy.class, clientId);
        if (policy == null) {
            throw new NotFound("Enrollment policy of API client " + clientId);
        }
        return policy;
    }

    private static JsonObject view(EnrollmentPolicy policy) {
        return Jsons.createObjectBuilder(JsonBodies.parseStored(policy.template()))
                .add("clientId", policy.clientId())
                .add("caKey", policy.caKey())
                .add("updatedAt", policy.updatedAt().toString())
                .build();
    }
}
