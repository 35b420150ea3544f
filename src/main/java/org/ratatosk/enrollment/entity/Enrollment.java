package org.ratatosk.enrollment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The automatic enrollment that follows one completed provisioning. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    public enum State { PENDING, ISSUED, FAILED }

    @Id
    @Column(name = "command_id", length = 36)
    private String commandId;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "certificate_command_id", length = 36)
    private String certificateCommandId;

    @Column(name = "error_code", length = 64)
    private String errorCode;

    @Column(name = "error_message", length = 1024)
    private String errorMessage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected Enrollment() {
    }

    public Enrollment(String commandId, String clientId, Instant now) {
        this.commandId = commandId;
        this.clientId = clientId;
        this.state = State.PENDING;
        this.createdAt = now;
    }

    public void issued(String certificateCommandId, Instant now) {
        requirePending();
        this.state = State.ISSUED;
        this.certificateCommandId = certificateCommandId;
        this.finishedAt = now;
    }

    public void failed(String code, String message, Instant now) {
        requirePending();
        this.state = State.FAILED;
        this.errorCode = code;
        this.errorMessage = message == null || message.length() <= 1024 ? message : message.substring(0, 1024);
        this.finishedAt = now;
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new IllegalStateException("Enrollment of command " + commandId + " is already " + state);
        }
    }

    public String commandId() {
        return commandId;
    }

    public String clientId() {
        return clientId;
    }

    public State state() {
        return state;
    }

    public String certificateCommandId() {
        return certificateCommandId;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
