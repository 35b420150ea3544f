package org.ratatosk.messaging.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A device's mailbox. Temporary ones serve one provisioning through a QR code or link; permanent
 * ones belong to a profile and go live once its provisioning answer is valid.
 */
@Entity
@Table(name = "mailbox")
public class Mailbox {

    public enum State { PENDING, ACTIVE, CLOSED }

    @Id
    @Column(length = 36)
    private String bid;

    @Column(name = "client_id", nullable = false, length = 128)
    private String clientId;

    @Column(nullable = false)
    private boolean temporary;

    @Column(name = "profile_id", length = 36)
    private String profileId;

    @Column(name = "token_salt", nullable = false, length = 32)
    private String tokenSalt;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Mailbox() {
    }

    public Mailbox(String bid, String clientId, boolean temporary, String profileId, String tokenSalt,
                   String tokenHash, State state, Instant createdAt) {
        this.bid = bid;
        this.clientId = clientId;
        this.temporary = temporary;
        this.profileId = profileId;
        this.tokenSalt = tokenSalt;
        this.tokenHash = tokenHash;
        this.state = state;
        this.createdAt = createdAt;
    }

    public void activate() {
        state = State.ACTIVE;
    }

    public void close() {
        state = State.CLOSED;
    }

    public boolean isOpen() {
        return state == State.ACTIVE;
    }

    public String bid() {
        return bid;
    }

    public String clientId() {
        return clientId;
    }

    public boolean temporary() {
        return temporary;
    }

    public String profileId() {
        return profileId;
    }

    public String tokenSalt() {
        return tokenSalt;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public State state() {
        return state;
    }
}
