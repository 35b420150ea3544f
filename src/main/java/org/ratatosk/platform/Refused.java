package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Map;

/**
 * The request is understood and refused on its merits: the caller may not do this, a signature
 * or certificate does not hold, too many attempts. Some refusals say when to try again.
 */
@ApplicationException(rollback = true)
public class Refused extends DomainException {

    private final Duration retryAfter;

    public Refused(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    public Refused(ErrorCode code, String message, Map<String, Object> details, Duration retryAfter) {
        super(code, message, details);
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again, or null when the refusal does not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
