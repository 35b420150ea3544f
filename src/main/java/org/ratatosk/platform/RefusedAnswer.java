package org.ratatosk.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A device's answer that was read and then failed a check: its destination has failed with the
 * code, and the device is told why. Answered 422 whatever the code, since a code such as
 * {@link ErrorCode#MALFORMED_JWS} is a malformed request when the answer itself is broken.
 */
@ApplicationException(rollback = true)
public class RefusedAnswer extends Refused {

    public RefusedAnswer(ErrorCode code, String message) {
        super(code, message, Map.of(), null);
    }
}
