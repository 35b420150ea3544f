package org.ratatosk.provisioning.control;

/** A device's answer failed validation; the code names the check that failed. */
public class AnswerRejected extends Exception {

    private final String code;

    public AnswerRejected(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
