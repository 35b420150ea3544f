package org.ratatosk.messaging.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Refused;
import org.ratatosk.platform.Secrets;
import org.ratatosk.provisioning.control.Profiles;
import org.ratatosk.provisioning.entity.Profile;

/**
 * Resolves a command's {@code to}: {@code @tmp} opens a new temporary mailbox, {@code @<userid>}
 * reaches every active profile of that user, anything else names one profile.
 */
@Stateless
public class Addressing {

    public static final String TEMPORARY = "@tmp";

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    Profiles profiles;

    @Inject
    Secrets secrets;

    /** The addresses of a command; provisioning ({@code provisions}) goes to a temporary mailbox only. */
    public static List<String> addresses(JsonObject header, JsonObject body, boolean provisions) {
        JsonArray to = Bodies.bind(header, To.class).to();
        List<String> addresses = new ArrayList<>();
        if (to == null || to.isEmpty()) {
            if (provisions) {
                return List.of(TEMPORARY);
            }
            String profileId = Bodies.bind(body, NamedProfile.class).profileid();
            if (profileId == null) {
                throw InvalidInput.field("commandHeader.to is required");
            }
            return List.of(profileId);
        }
        for (JsonValue value : to) {
            if (!(value instanceof JsonString string) || string.getString().isBlank() || string.getString().length() > 160) {
                throw InvalidInput.field("commandHeader.to items must be non-empty strings");
            }
            addresses.add(string.getString());
        }
        if (provisions && !addresses.equals(List.of(TEMPORARY))) {
            throw InvalidInput.field("provision is addressed to @tmp only");
        }
        if (!provisions && addresses.contains(TEMPORARY)) {
            throw InvalidInput.field("@tmp is for provision only");
        }
        return addresses;
    }

    /** The header's addresses, if it gives any. */
    public record To(JsonArray to) {
    }

    /** The profile a body names, which addresses a command whose header gives no addresses. */
    public record NamedProfile(String profileid) {
    }

    /** Resolves the addresses to profiles and mailboxes; 422 when nothing active is found. */
    public List<Target> resolve(String clientId, List<String> addresses, String profileIdForNewProfile) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String address : addresses) {
            if (address.equals(TEMPORARY)) {
                Mailbox temporary = newMailbox(clientId, true, profileIdForNewProfile, Mailbox.State.ACTIVE);
                targets.put(temporary.bid(), new Target(TEMPORARY, profileIdForNewProfile, temporary));
            } else if (address.startsWith("@")) {
                List<Profile> ofUser = profiles.activeOfUser(clientId, address.substring(1));
                if (ofUser.isEmpty()) {
                    throw new Refused(ErrorCode.UNKNOWN_RECIPIENT, "User " + address.substring(1) + " has no active profile");
                }
                ofUser.forEach(p -> targets.putIfAbsent(p.id(), new Target(address, p.id(), mailboxOf(p))));
            } else {
                Profile profile = profiles.active(clientId, address).orElseThrow(() ->
                        new Refused(ErrorCode.UNKNOWN_RECIPIENT, "No active profile " + address));
                targets.putIfAbsent(profile.id(), new Target(address, profile.id(), mailboxOf(profile)));
            }
        }
        return List.copyOf(targets.values());
    }

    public Mailbox newMailbox(String clientId, boolean temporary, String profileId, Mailbox.State state) {
        String bid = UUID.randomUUID().toString();
        String salt = Secrets.randomSalt();
        Mailbox mailbox = new Mailbox(bid, clientId, temporary, profileId, salt,
                Hashes.saltedHash(salt, secrets.mailboxToken(bid, salt)), state, clock.instant());
        em.persist(mailbox);
        return mailbox;
    }

    private Mailbox mailboxOf(Profile profile) {
        Mailbox mailbox = em.find(Mailbox.class, profile.mailboxId());
        if (mailbox == null || !mailbox.isOpen()) {
            throw new Refused(ErrorCode.UNKNOWN_RECIPIENT, "Profile " + profile.id() + " has no open mailbox");
        }
        return mailbox;
    }
}
