package org.ratatosk.devicesim;

/** A call that should have succeeded did not; carries the reply for the test or benchmark to report. */
public class UnexpectedReplyException extends RuntimeException {

    private final transient Reply reply;

    public UnexpectedReplyException(String what, Reply reply) {
        super(what + ": " + reply);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
