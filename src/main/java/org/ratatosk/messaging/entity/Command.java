package org.ratatosk.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A command from an application server. It keeps the body as sent, so that devices get it
 * unchanged, and the device's answer as sent, so that the application server gets that unchanged.
 */
@Entity
@Table(name = "command", indexes = @Index(name = "command_created", columnList = "created_at"),
        uniqueConstraints = @UniqueConstraint(name = "command_external_unique",
                columnNames = {"client_id", "external_id", "command_type"}))
public class Command {

    // What a command was given at submission is never written again: an UPDATE that carried the
    // body along would have H2 store its large text anew each time the state changes.

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "client_id", nullable = false, updatable = false, length = 128)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "command_type", nullable = false, updatable = false, length = 16)
    private CommandType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommandState state;

    @Column(name = "external_id", updatable = false, length = 128)
    private String externalId;

    /** SHA-256 of the canonical request, to tell an idempotent retry from a conflicting one. */
    @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
    private String requestHash;

    @Column(name = "body", nullable = false, updatable = false, columnDefinition = "TEXT")
    private String body;

    @Column(name = "lifespan_seconds", nullable = false, updatable = false)
    private long lifespanSeconds;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "timeout_at", nullable = false, updatable = false)
    private Instant timeoutAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** For PROV: the profile id and permanent mailbox assigned at submission. */
    /** The user the command is for, when one is (a provisioning's userid, or the one user of its profiles). */
    @Column(name = "target_user", length = 256)
    private String targetUser;

    @Column(name = "new_profile_id", length = 36)
    private String newProfileId;

    @Column(name = "new_mailbox_id", length = 36)
    private String newMailboxId;

    @Column(name = "answered_mid", length = 36)
    private String answeredMid;

    @Column(name = "response", columnDefinition = "TEXT")
    private String response;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_message", length = 1024)
    private String errorMessage;

    @Version
    private long version;

    protected Command() {
    }

    public Command(String id, String clientId, CommandType type, String externalId, String requestHash,
                   String body, long lifespanSeconds, Instant createdAt, Instant timeoutAt) {
        this.id = id;
        this.clientId = clientId;
        this.type = type;
        this.externalId = externalId;
        this.requestHash = requestHash;
        this.body = body;
        this.lifespanSeconds = lifespanSeconds;
        this.createdAt = createdAt;
        this.timeoutAt = timeoutAt;
        this.state = CommandState.IN_PROGRESS;
    }

    public void addressTo(String user) {
        this.targetUser = user;
    }

    public String targetUser() {
        return targetUser;
    }

    public void assignProvisioning(String profileId, String mailboxId) {
        this.newProfileId = profileId;
        this.newMailboxId = mailboxId;
    }

    public void complete(String mid, String response, Instant now) {
        finish(CommandState.COMPLETED, now);
        this.answeredMid = mid;
        this.response = response;
    }

    /** The device answered with a non-zero code, or its answer failed validation. */
    public void fail(String mid, String response, String errorCode, String errorMessage, Instant now) {
        finish(CommandState.FAILED, now);
        this.answeredMid = mid;
        this.response = response;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage == null || errorMessage.length() <= 1024
                ? errorMessage : errorMessage.substring(0, 1024);
    }

    /** Expires the command when its timeout has passed; false when it had already ended. */
    public boolean expire(Instant now) {
        if (state.isFinal() || now.isBefore(timeoutAt)) {
            return false;
        }
        finish(CommandState.EXPIRED, now);
        this.errorCode = "TIMEOUT";
        this.errorMessage = "No answer before the command's timeout";
        return true;
    }

    public void cancel(Instant now) {
        finish(CommandState.CANCELLED, now);
    }

    private void finish(CommandState finalState, Instant now) {
        if (state.isFinal()) {
            throw new IllegalStateException("Command " + id + " is already " + state);
        }
        this.state = finalState;
        this.finishedAt = now;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public CommandType type() {
        return type;
    }

    public CommandState state() {
        return state;
    }

    public String externalId() {
        return externalId;
    }

    public String requestHash() {
        return requestHash;
    }

    public String body() {
        return body;
    }

    public long lifespanSeconds() {
        return lifespanSeconds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant timeoutAt() {
        return timeoutAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String newProfileId() {
        return newProfileId;
    }

    public String newMailboxId() {
        return newMailboxId;
    }

    public String answeredMid() {
        return answeredMid;
    }

    public String response() {
        return response;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
