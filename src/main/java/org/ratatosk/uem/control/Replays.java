package org.ratatosk.uem.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Secrets;
import org.ratatosk.uem.entity.UemIssuance;
import org.ratatosk.uem.entity.UemOtp;

/**
 * UEM retries a {@code reqId} whose answer it did not receive; the retry must get the same
 * PKCS#12 although the one-time password is spent by then. The answer is kept for ten minutes,
 * sealed under a key derived from the server secret (a file, not the database) and the
 * password the retry presents again, so a stored answer opens only for that password.
 */
@Stateless
public class Replays {

    public static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** When this node next deletes expired answers, in epoch milliseconds. */
    private static final AtomicLong NEXT_SWEEP = new AtomicLong();

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    /** Whether earlier requests of this user with this reqId left an answer, and that answer if it may be given again. */
    public record Earlier(boolean exists, Optional<UemAnswer> answer) {
    }

    public Earlier earlier(KeyPairRequest request, Instant now) {
        List<UemIssuance> issuances = em.createQuery(
                        "SELECT i FROM UemIssuance i WHERE i.userId = :user AND i.reqId = :req", UemIssuance.class)
                .setParameter("user", request.user())
                .setParameter("req", request.reqId())
                .getResultList();
        if (issuances.isEmpty() || request.authToken() == null || request.authToken().isBlank()) {
            return new Earlier(!issuances.isEmpty(), Optional.empty());
        }
        Optional<UemAnswer> answer = issuances.stream()
                .filter(issuance -> issuance.replayableAt(now))
                .map(issuance -> ReplaySeal.open(key(request, issuance.sealSalt()), associated(request), issuance.sealedAnswer()))
                .flatMap(Optional::stream)
                .findFirst()
                .map(plain -> {
                    JsonObject stored = JsonBodies.parseStored(new String(plain, StandardCharsets.UTF_8));
                    return new UemAnswer(request.reqId(), null, stored.getString("payload"),
                            stored.getString("decryptionPassword", null));
                });
        return new Earlier(true, answer);
    }

    /**
     * Keeps a successful answer in place of the earlier ones for the same reqId (expired, or made
     * with another password). Other expired answers are never answered again; they are dropped at
     * most once a minute per node, not on every call.
     */
    public void remember(Earlier earlier, KeyPairRequest request, UemAnswer answer, String certificateSerial, Instant now) {
        if (earlier.exists()) {
            // A statement rather than removing the rows read: it runs before the insert of the same
            // (user, reqId), and finds nothing to do if another node's sweep got there first.
            em.createQuery("DELETE FROM UemIssuance i WHERE i.userId = :user AND i.reqId = :req")
                    .setParameter("user", request.user())
                    .setParameter("req", request.reqId())
                    .executeUpdate();
        }
        if (sweepDue(now)) {
            em.createQuery("DELETE FROM UemIssuance i WHERE i.expiresAt < :now")
                    .setParameter("now", now)
                    .executeUpdate();
        }
        JsonObjectBuilder stored = Jsons.createObjectBuilder().add("payload", answer.payload());
        if (answer.decryptionPassword() != null) {
            stored.add("decryptionPassword", answer.decryptionPassword());
        }
        String salt = Secrets.randomSalt();
        String sealed = ReplaySeal.seal(key(request, salt), associated(request),
                stored.build().toString().getBytes(StandardCharsets.UTF_8));
        em.persist(new UemIssuance(UUID.randomUUID().toString(), request.user(), request.reqId(), salt, sealed,
                certificateSerial, now, now.plus(WINDOW)));
    }

    /** True for the one caller that takes this node's sweep when it is due. */
    static boolean sweepDue(Instant now) {
        long due = NEXT_SWEEP.get();
        return now.toEpochMilli() >= due && NEXT_SWEEP.compareAndSet(due, now.plus(SWEEP_INTERVAL).toEpochMilli());
    }

    private byte[] key(KeyPairRequest request, String salt) {
        return secrets.derive("uem-replay", request.user(), request.reqId(), UemOtp.normalize(request.authToken()), salt);
    }

    private static String associated(KeyPairRequest request) {
        return request.user() + '\u0000' + request.reqId();
    }
}
