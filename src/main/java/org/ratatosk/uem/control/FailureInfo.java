package org.ratatosk.uem.control;

/** The seed's failure reasons that this connector gives, with their wire names. */
public enum FailureInfo {
    UNKNOWN_USER("unknownUser"),
    BAD_REQUEST("badRequest"),
    UNKNOWN_REQUEST("unknownRequest"),
    AUTH_FAILURE("authFailure"),
    BAD_ALG("badAlg"),
    UNKNOWN("unknown");

    private final String wireName;

    FailureInfo(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
