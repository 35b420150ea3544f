package org.ratatosk.approvals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A use or change of a key waiting for its approvers. It keeps the rule in force when it was made,
 * so changing the key's policy later does not change who may approve it.
 */
@Entity
@Table(name = "key_request")
public class KeyRequest {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "key_label_id", nullable = false, length = 128)
    private String keyLabelId;

    @Column(name = "operation", nullable = false, length = 24)
    private String operation;

    /** The operation's input as JSON, checked when the request was made. */
    @Column(name = "payload", nullable = false, length = 1000000)
    private String payload;

    /** The governing rule as JSON. */
    @Column(name = "rule", nullable = false, length = 1000000)
    private String rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private RequestStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** JSON array of {"key","approve","at"}: each approver's one answer. */
    @Column(name = "decisions", nullable = false, length = 1000000)
    private String decisions;

    @Column(name = "execution_time")
    private Instant executionTime;

    @Column(name = "result", length = 1000000)
    private String result;

    @Column(name = "failure", length = 1024)
    private String failure;

    protected KeyRequest() {
    }

    public KeyRequest(String id, String keyLabelId, String operation, String payload, String rule, Instant createdAt,
                      Instant expiresAt) {
        this.id = id;
        this.keyLabelId = keyLabelId;
        this.operation = operation;
        this.payload = payload;
        this.rule = rule;
        this.status = RequestStatus.PENDING;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.decisions = "[]";
    }

    public void recordDecisions(String decisions) {
        this.decisions = decisions;
    }

    public boolean approve() {
        return move(RequestStatus.PENDING, RequestStatus.APPROVED);
    }

    public boolean reject() {
        return move(RequestStatus.PENDING, RequestStatus.REJECTED);
    }

    public boolean expire(Instant now) {
        return !now.isBefore(expiresAt) && move(RequestStatus.PENDING, RequestStatus.EXPIRED);
    }

    public boolean cancel() {
        if (status.isFinal()) {
            return false;
        }
        status = RequestStatus.CANCELLED;
        return true;
    }

    public boolean executed(String result, Instant now) {
        if (!move(RequestStatus.APPROVED, RequestStatus.EXECUTED)) {
            return false;
        }
        this.result = result;
        this.executionTime = now;
        return true;
    }

    public boolean failed(String reason, Instant now) {
        if (!move(RequestStatus.APPROVED, RequestStatus.FAILED)) {
            return false;
        }
        this.failure = reason.length() > 1024 ? reason.substring(0, 1024) : reason;
        this.executionTime = now;
        return true;
    }

    private boolean move(RequestStatus from, RequestStatus to) {
        if (status != from) {
            return false;
        }
        status = to;
        return true;
    }

    public String id() {
        return id;
    }

    public String keyLabelId() {
        return keyLabelId;
    }

    public String operation() {
        return operation;
    }

    public String payload() {
        return payload;
    }

    public String rule() {
        return rule;
    }

    public RequestStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String decisions() {
        return decisions;
    }

    public Instant executionTime() {
        return executionTime;
    }

    public String result() {
        return result;
    }

    public String failure() {
        return failure;
    }
}
