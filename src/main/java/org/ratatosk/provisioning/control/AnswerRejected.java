package org.ratatosk.provisioning.control;

import org.ratatosk.platform.ErrorCode;

/** A device's answer failed validation; the code names the check that failed. */
public class AnswerRejected extends Exception {

    private final ErrorCode code;

    public AnswerRejected(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
