package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** The state of what the request names does not allow it: it exists already, has ended, or is blocked. */
@ApplicationException(rollback = true)
public class Conflict extends DomainException {

    public Conflict(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public Conflict(ErrorCode code, String message, Map<String, Object> details) {
        super(code, message, details);
    }
}
