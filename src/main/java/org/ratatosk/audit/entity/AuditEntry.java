package org.ratatosk.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One link of the audit chain. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @Column(name = "seq")
    private long seq;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "actor", nullable = false, length = 256)
    private String actor;

    @Column(name = "subject_type", nullable = false, length = 64)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 256)
    private String subjectId;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "detail", columnDefinition = "TEXT")
    private String detail;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, length = 64)
    private String entryHash;

    protected AuditEntry() {
    }

    public AuditEntry(long seq, Instant recordedAt, String actor, String subjectType, String subjectId, String action,
                      String detail, String previousHash, String entryHash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.detail = detail;
        this.previousHash = previousHash;
        this.entryHash = entryHash;
    }

    public long seq() {
        return seq;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String action() {
        return action;
    }

    public String detail() {
        return detail;
    }

    public String previousHash() {
        return previousHash;
    }

    public String entryHash() {
        return entryHash;
    }
}
