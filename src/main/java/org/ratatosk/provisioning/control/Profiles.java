package org.ratatosk.provisioning.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.provisioning.entity.Profile;
import org.ratatosk.provisioning.entity.ProfileKey;

/** Profiles a client's devices hold, found by id or by user. */
@Stateless
public class Profiles {

    private static final Logger LOG = Logger.getLogger(Profiles.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    public Optional<Profile> active(String clientId, String profileId) {
        Profile profile = em.find(Profile.class, profileId);
        return profile != null && profile.clientId().equals(clientId) && profile.state() == Profile.State.ACTIVE
                ? Optional.of(profile) : Optional.empty();
    }

    public List<Profile> activeOfUser(String clientId, String userId) {
        return em.createQuery("SELECT p FROM Profile p WHERE p.clientId = :client AND p.userId = :user"
                        + " AND p.state = :state ORDER BY p.createdAt", Profile.class)
                .setParameter("client", clientId)
                .setParameter("user", userId)
                .setParameter("state", Profile.State.ACTIVE)
                .getResultList();
    }

    /** The profile's proven keys as JWK JSON, by keyid; empty when the profile is unknown. */
    public Map<String, String> keysOf(String profileId) {
        Profile profile = profileId == null ? null : em.find(Profile.class, profileId);
        Map<String, String> keys = new LinkedHashMap<>();
        if (profile != null) {
            profile.keys().forEach(key -> keys.put(key.keyId(), key.jwk()));
        }
        return keys;
    }

    public void recordPing(String profileId, String deviceInfo, String profileInfo) {
        Profile profile = profileId == null ? null : em.find(Profile.class, profileId);
        if (profile != null) {
            profile.recordPing(deviceInfo, profileInfo);
        }
    }

    /** Marks the profile deleted and returns its mailbox id. */
    public String delete(String profileId) {
        Profile profile = em.find(Profile.class, profileId);
        profile.markDeleted();
        return profile.mailboxId();
    }

    /** Stores the profile and its proven keys once its provisioning answer was found valid. */
    public Profile store(String commandId, String clientId, String profileId, String mailboxId,
                         ProvisioningRequest request, ValidatedProvisioning validated) {
        Profile profile = new Profile(profileId, clientId, request.userId(), request.name(), request.serverName(),
                mailboxId, validated.deviceInfo(), clock.instant());
        for (ValidatedProvisioning.Key key : validated.keys()) {
            profile.addKey(new ProfileKey(UUID.randomUUID().toString(), profile, key.keyId(), key.usage(),
                    key.keyState(), key.jwk(), key.thumbprint(), key.certReq()));
        }
        em.persist(profile);
        LOG.info("Command " + commandId + ": stored profile " + profileId + " of user " + request.userId()
                + " with " + validated.keys().size() + " key(s)");
        return profile;
    }
}
