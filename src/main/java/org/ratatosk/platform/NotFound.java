package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** What the request names does not exist (or is not the caller's to see). */
@ApplicationException(rollback = true)
public class NotFound extends DomainException {

    /** The generic {@link ErrorCode#NOT_FOUND}: "{what} not found". */
    public NotFound(String what) {
        this(ErrorCode.NOT_FOUND, what + " not found");
    }

    public NotFound(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
