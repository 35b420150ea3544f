package org.ratatosk.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One destination of a command: the message waiting in one mailbox. Of several destinations each
 * ends on its own; a declining or invalid answer fails only its message.
 */
@Entity
@Table(name = "mailbox_message", indexes = {
        @Index(name = "message_box", columnList = "bid, state"),
        @Index(name = "message_command", columnList = "command_id")})
public class MailboxMessage {

    public enum State { PENDING, ANSWERED, FAILED, WITHDRAWN, EXPIRED }

    @Id
    @Column(length = 36)
    private String mid;

    @Column(nullable = false, length = 36)
    private String bid;

    @Column(name = "command_id", nullable = false, length = 36)
    private String commandId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "addressed_to", nullable = false, length = 160)
    private String addressedTo;

    @Column(name = "profile_id", length = 36)
    private String profileId;

    @Enumerated(EnumType.STRING)
    @Column(name = "command_type", nullable = false, length = 16)
    private CommandType commandType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Why the device's answer to this message failed: declined, or refused by a check. */
    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_message", length = 1024)
    private String errorMessage;

    protected MailboxMessage() {
    }

    public MailboxMessage(String mid, String bid, String commandId, int position, String addressedTo,
                          String profileId, CommandType commandType, Instant createdAt, Instant expiresAt) {
        this.mid = mid;
        this.bid = bid;
        this.commandId = commandId;
        this.position = position;
        this.addressedTo = addressedTo;
        this.profileId = profileId;
        this.commandType = commandType;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.state = State.PENDING;
    }

    public boolean isFetchable(Instant now) {
        return state == State.PENDING && now.isBefore(expiresAt);
    }

    public void answered() {
        state = State.ANSWERED;
    }

    /** The device declined, or its answer failed a check: this destination is done, without success. */
    public void fail(String code, String message) {
        state = State.FAILED;
        errorCode = code;
        errorMessage = message == null || message.length() <= 1024 ? message : message.substring(0, 1024);
    }

    /** Answered, successfully or not: another answer to it is a conflict. */
    public boolean isAnswered() {
        return state == State.ANSWERED || state == State.FAILED;
    }

    public void withdraw() {
        if (state == State.PENDING) {
            state = State.WITHDRAWN;
        }
    }

    /** Marks the message expired once its lifespan has passed; false when nothing changed. */
    public boolean expire(Instant now) {
        if (state != State.PENDING || now.isBefore(expiresAt)) {
            return false;
        }
        state = State.EXPIRED;
        return true;
    }

    public String mid() {
        return mid;
    }

    public String bid() {
        return bid;
    }

    public String commandId() {
        return commandId;
    }

    public int position() {
        return position;
    }

    public String addressedTo() {
        return addressedTo;
    }

    public String profileId() {
        return profileId;
    }

    public CommandType commandType() {
        return commandType;
    }

    public State state() {
        return state;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
