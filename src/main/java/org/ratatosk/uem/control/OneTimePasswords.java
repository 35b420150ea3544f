package org.ratatosk.uem.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Secrets;
import org.ratatosk.uem.entity.UemOtp;

/** The operator's side of the one-time passwords that UEM users present as {@code authToken}. */
@Stateless
public class OneTimePasswords {

    private static final Logger LOG = Logger.getLogger(OneTimePasswords.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** No 0/O, no 1/I, no lower case (so no l): 32 symbols, five bits each, read without doubt. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int MIN_LENGTH = 8;
    static final long DEFAULT_VALIDITY_SECONDS = 86400;
    static final long MAX_VALIDITY_SECONDS = 30L * 86400;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    UemSettings settings;

    @Inject
    AuditTrail audit;

    /** How long a new password is valid, by default a day. */
    public record Validity(Long validitySeconds) {
    }

    /** Issues a new password for {@code user}, replacing any earlier one. */
    public JsonObject issue(String user, String body) {
        if (!KeyPairRequest.validUser(user)) {
            throw InvalidInput.field("user must be 1-" + KeyPairRequest.MAX_USER_LENGTH
                    + " characters without control characters");
        }
        Validity request = body == null || body.isBlank() ? new Validity(null) : Bodies.read(body, Validity.class);
        long validity = request.validitySeconds() == null ? DEFAULT_VALIDITY_SECONDS : request.validitySeconds();
        if (validity < 1 || validity > MAX_VALIDITY_SECONDS) {
            throw InvalidInput.field("validitySeconds must be 1 to " + MAX_VALIDITY_SECONDS);
        }
        String otp = generate(settings.otpLength(), RANDOM);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plusSeconds(validity);
        String salt = Secrets.randomSalt();
        UemOtp row = em.find(UemOtp.class, user, LockModeType.PESSIMISTIC_WRITE);
        boolean created = row == null;
        if (created) {
            row = new UemOtp(user);
        }
        row.reissue(salt, Hashes.saltedHash(salt, otp), now, expires);
        if (created) {
            em.persist(row);
        }
        audit.record("operator", "otp", user, "ISSUED",
                Jsons.createObjectBuilder().add("expires", expires.toString()).build());
        LOG.info("Issued a UEM one-time password for user " + user + ", valid until " + expires);
        return Jsons.createObjectBuilder().add("otp", otp).add("expires", expires.toString()).build();
    }

    static String generate(int length, SecureRandom random) {
        StringBuilder otp = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            otp.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return otp.toString();
    }
}
