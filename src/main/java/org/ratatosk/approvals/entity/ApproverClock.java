package org.ratatosk.approvals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The latest signed timestamp an approver presented. A new one must be later, so a captured
 * timestamp signature cannot be replayed to read the approver's tasks.
 */
@Entity
@Table(name = "approver_clock")
public class ApproverClock {

    /** SHA-256 hex of the approver's SubjectPublicKeyInfo. */
    @Id
    @Column(name = "approver_id", length = 64)
    private String approverId;

    @Column(name = "last_timestamp", nullable = false)
    private Instant lastTimestamp;

    protected ApproverClock() {
    }

    public ApproverClock(String approverId, Instant timestamp) {
        this.approverId = approverId;
        this.lastTimestamp = stored(timestamp);
    }

    /** The precision the database keeps, so that a replay compares equal after a round trip. */
    private static Instant stored(Instant timestamp) {
        return timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves the clock to {@code timestamp} when it is later than the last one; false for a replay. */
    public boolean advanceTo(Instant timestamp) {
        Instant next = stored(timestamp);
        if (!next.isAfter(lastTimestamp)) {
            return false;
        }
        lastTimestamp = next;
        return true;
    }

    public Instant lastTimestamp() {
        return lastTimestamp;
    }
}
