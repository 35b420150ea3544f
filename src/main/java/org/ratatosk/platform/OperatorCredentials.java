package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * HTTP Basic with the operator credentials of the configuration. The embedded default credentials
 * are for development only, and say so in the log. Failures count towards a lockout.
 */
@ApplicationScoped
public class OperatorCredentials {

    private static final Logger LOG = Logger.getLogger(OperatorCredentials.class.getName());
    public static final String CHALLENGE = "Basic realm=\"hermod\", charset=\"UTF-8\"";
    /** The console's 401: a scheme no browser answers with a dialog of its own, pointing at the sign-in form. */
    public static final String CONSOLE_CHALLENGE = "HermodConsole realm=\"hermod\"";
    private static final String PREFIX = "operator:";

    @Inject
    Config config;

    @Inject
    LoginThrottle throttle;

    private byte[] expected;

    @PostConstruct
    void init() {
        String user = config.get("hermod.admin.user", null);
        String password = config.get("hermod.admin.password", null);
        if (user == null || password == null) {
            LOG.warning("No HERMOD_ADMIN_USER/HERMOD_ADMIN_PASSWORD configured: operator API uses admin/admin, for development only");
            user = "admin";
            password = "admin";
        }
        expected = Hashes.sha256((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries HTTP Basic credentials at all. */
    public static boolean presented(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** Passes the operator; 401 with a Basic challenge for wrong credentials, 429 while locked out. */
    public void verify(String authorization, String address) {
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            throw refused("Malformed Basic credentials");
        }
        String text = new String(presented, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        String user = PREFIX + (colon < 0 ? text : text.substring(0, colon));
        throttle.check(address, user);
        if (!MessageDigest.isEqual(expected, Hashes.sha256(presented))) {
            throttle.failed(address, user);
            throw refused("Wrong operator credentials");
        }
        throttle.succeeded(address, user);
    }

    /**
     * The console's sign-in: the same check and the same lockout as Basic, but a refusal carries no
     * Basic challenge, so that a browser shows no login dialog of its own.
     */
    public void verify(String user, String password, String address) {
        String principal = PREFIX + user;
        throttle.check(address, principal);
        if (!MessageDigest.isEqual(expected, Hashes.sha256((user + ":" + password).getBytes(StandardCharsets.UTF_8)))) {
            throttle.failed(address, principal);
            throw new Unauthenticated("Wrong operator credentials").withScheme(CONSOLE_CHALLENGE);
        }
        throttle.succeeded(address, principal);
    }

    /** 401 for a console request without a live session. */
    public static Unauthenticated signInAgain(String message) {
        return new Unauthenticated(message).withScheme(CONSOLE_CHALLENGE);
    }

    public static Unauthenticated refused(String message) {
        return new Unauthenticated(message).withScheme(CHALLENGE);
    }
}
