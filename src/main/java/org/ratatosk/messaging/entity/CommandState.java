package org.ratatosk.messaging.entity;

public enum CommandState {
    IN_PROGRESS, COMPLETED, FAILED, EXPIRED, CANCELLED;

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }
}
