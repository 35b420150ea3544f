package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A request the domain refuses, named by its {@link ErrorCode}; it knows nothing of HTTP, which
 * {@link ErrorMapper} alone answers. Rolls the transaction back and leaves an EJB unwrapped.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    protected DomainException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    /** Values that name what was refused, beside the message (answered as strings). */
    public Map<String, Object> details() {
        return details;
    }
}
