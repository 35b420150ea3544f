package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** What the caller sent cannot be read, or a value in it is not one the operation takes. */
@ApplicationException(rollback = true)
public class InvalidInput extends DomainException {

    public InvalidInput(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public InvalidInput(ErrorCode code, String message, Map<String, Object> details) {
        super(code, message, details);
    }

    /** A field that is missing or holds a value the operation does not take. */
    public static InvalidInput field(String message) {
        return new InvalidInput(ErrorCode.INVALID_FIELD, message);
    }
}
