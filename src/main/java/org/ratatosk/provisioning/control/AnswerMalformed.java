package org.ratatosk.provisioning.control;

import org.ratatosk.platform.ErrorCode;

/**
 * An answer whose encoding is broken (a compact JWS that is not three base64url parts, a
 * character outside the alphabet): a malformed request, refused with 400 before anything is
 * written, unlike an answer that decodes and then fails a check.
 */
public class AnswerMalformed extends AnswerRejected {

    public AnswerMalformed(ErrorCode code, String message) {
        super(code, message);
    }
}
