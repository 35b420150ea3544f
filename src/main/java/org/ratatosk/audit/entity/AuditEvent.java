package org.ratatosk.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A state change written in the change's own transaction, waiting to be linked into the hash
 * chain. Keeping the chain's head out of every business transaction means no change waits for
 * another one's commit.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @Column(name = "id", length = 36)
    private String id;

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

    protected AuditEvent() {
    }

    public AuditEvent(String id, Instant recordedAt, String actor, String subjectType, String subjectId, String action,
                      String detail) {
        this.id = id;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.action = action;
        this.detail = detail;
    }

    public String id() {
        return id;
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
}
