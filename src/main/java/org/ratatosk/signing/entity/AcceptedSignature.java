package org.ratatosk.signing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signature that completed a sign or authenticate command, kept as its fingerprint so that the
 * same signature sent for another command is known, on every node and after a restart.
 */
@Entity
@Table(name = "accepted_signature")
public class AcceptedSignature {

    @Id
    @Column(name = "fingerprint", length = 64)
    private String fingerprint;

    @Column(name = "command_id", nullable = false, length = 36)
    private String commandId;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected AcceptedSignature() {
    }

    public AcceptedSignature(String fingerprint, String commandId, Instant acceptedAt) {
        this.fingerprint = fingerprint;
        this.commandId = commandId;
        this.acceptedAt = acceptedAt;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String commandId() {
        return commandId;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
