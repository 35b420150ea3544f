package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * The request carries no credential that admits it, or a wrong one. The scheme says how the
 * caller should authenticate (a Basic realm, the console's sign-in), where the default bearer
 * token is not the way.
 */
@ApplicationException(rollback = true)
public class Unauthenticated extends DomainException {

    private final String scheme;

    public Unauthenticated(String message) {
        this(ErrorCode.UNAUTHORIZED, message, null);
    }

    public Unauthenticated(ErrorCode code, String message) {
        this(code, message, null);
    }

    private Unauthenticated(ErrorCode code, String message, String scheme) {
        super(code, message, Map.of());
        this.scheme = scheme;
    }

    /** The same refusal, telling the caller to authenticate with the given scheme. */
    public Unauthenticated withScheme(String value) {
        return new Unauthenticated(code(), getMessage(), value);
    }

    /** The {@code WWW-Authenticate} scheme the caller should use, or null for the default. */
    public String scheme() {
        return scheme;
    }
}
