package org.ratatosk.approvals.entity;

/** Where an approval request is: PENDING, then APPROVED and EXECUTED, or one of the other final states. */
public enum RequestStatus {
    PENDING, APPROVED, EXECUTED, FAILED, EXPIRED, REJECTED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING && this != APPROVED;
    }
}
