package org.ratatosk.console.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.console.entity.ConsoleSession;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.OperatorCredentials;
import org.ratatosk.platform.OperatorSessions;
import org.ratatosk.platform.Refused;
import org.ratatosk.platform.Secrets;

/**
 * The browser console's sign-in: a random cookie token stands for the operator until it idles out.
 * The CSRF token is derived from the cookie token with the server secret, so it can be shown again
 * to the page that holds the cookie while the database keeps only hashes of both.
 */
@Stateless
public class ConsoleSessions {

    public static final String COOKIE = OperatorSessions.COOKIE;
    public static final String CSRF_HEADER = OperatorSessions.CSRF_HEADER;
    static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 900;

    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OperatorCredentials operator;

    @Inject
    Secrets secrets;

    @Inject
    Config config;

    @Inject
    AuditTrail audit;

    /** A live session as its holder sees it: the cookie token itself is never returned by the server again. */
    public record Active(String token, String user, String csrfToken, long idleTimeoutSeconds) {
    }

    public Active signIn(String user, String password, String address) {
        operator.verify(user, password, address);
        Instant now = Instant.now(clock);
        em.createQuery("DELETE FROM ConsoleSession s WHERE s.lastSeenAt < :before")
                .setParameter("before", now.minus(idleTimeout())).executeUpdate();
        String token = Secrets.random(32);
        String csrf = csrfToken(token);
        String tokenHash = Hashes.sha256Hex(token);
        em.persist(new ConsoleSession(tokenHash, Hashes.sha256Hex(csrf), user, now));
        audit.record(user, "console-session", tokenHash.substring(0, 16), "SIGNED_IN", null);
        LOG.info("Console session " + tokenHash.substring(0, 16) + " of " + user + " signed in from " + address);
        return new Active(token, user, csrf, idleTimeout().toSeconds());
    }

    /** The session of a cookie token, if it lives; an idle one is removed. Use is recorded at most once a minute. */
    public Optional<Active> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        ConsoleSession session = em.find(ConsoleSession.class, Hashes.sha256Hex(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Duration timeout = idleTimeout();
        if (session.idleLongerThan(timeout, now)) {
            em.remove(session);
            return Optional.empty();
        }
        session.seen(now, refreshGranularity(timeout));
        return Optional.of(new Active(token, session.user(), csrfToken(token), timeout.toSeconds()));
    }

    /** 403 {@code CSRF_TOKEN_INVALID} unless {@code presented} is the session's CSRF token. */
    public static void requireCsrf(Active session, String presented) {
        byte[] expected = session.csrfToken().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new Refused(ErrorCode.CSRF_TOKEN_INVALID,
                    "A console request that changes something must carry the session's " + CSRF_HEADER + " header");
        }
    }

    /** Ends the session of the token, if any; false when there was none. */
    public boolean signOut(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        String tokenHash = Hashes.sha256Hex(token);
        ConsoleSession session = em.find(ConsoleSession.class, tokenHash);
        if (session == null) {
            return false;
        }
        em.remove(session);
        audit.record(session.user(), "console-session", tokenHash.substring(0, 16), "SIGNED_OUT", null);
        LOG.info("Console session " + tokenHash.substring(0, 16) + " of " + session.user() + " signed out");
        return true;
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(Math.max(1, config.getLong("hermod.console.idle-timeout", DEFAULT_IDLE_TIMEOUT_SECONDS)));
    }

    /** Once a minute, or more often when the timeout is shorter than four minutes (tests set seconds). */
    static Duration refreshGranularity(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        Duration minute = Duration.ofMinutes(1);
        return quarter.compareTo(minute) < 0 ? quarter : minute;
    }

    private String csrfToken(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.derive("console-csrf", token));
    }
}
