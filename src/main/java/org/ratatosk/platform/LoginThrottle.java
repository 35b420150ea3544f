package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies {@link Lockouts} to the password-like credentials (operator Basic, API client keys): a
 * locked-out pair is answered 429 with {@code Retry-After}, even with the right credentials, and
 * each lockout is logged once, when it begins.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    private final Lockouts lockouts;

    public LoginThrottle() {
        this(Lockouts.standard(Clock.systemUTC()));
    }

    LoginThrottle(Lockouts lockouts) {
        this.lockouts = lockouts;
    }

    /** 429 while the pair is locked out. */
    public void check(String address, String principal) {
        lockouts.lockedFor(address, principal).ifPresent(wait -> {
            throw tooMany(wait.toMillis());
        });
    }

    public void failed(String address, String principal) {
        Lockouts.Failure failure = lockouts.failed(address, principal);
        if (failure.lockedNow()) {
            LOG.warning("Too many failed logins of " + printable(principal) + " from " + address + ": locked out for "
                    + failure.lockedFor().toSeconds() + " s");
        }
    }

    public void succeeded(String address, String principal) {
        lockouts.succeeded(address, principal);
    }

    /** A caller's user name, cut and without control characters, so that it cannot forge log lines. */
    static String printable(String principal) {
        String cut = principal.length() > 100 ? principal.substring(0, 100) + "..." : principal;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static Refused tooMany(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new Refused(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed logins; try again in " + seconds + " seconds",
                Map.of("retryAfter", seconds), Duration.ofSeconds(seconds));
    }
}
