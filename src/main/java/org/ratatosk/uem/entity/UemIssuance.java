package org.ratatosk.uem.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A delivered key pair answer, kept for a short window so that UEM's retry of the same
 * {@code reqId} gets the same PKCS#12 instead of a second certificate. The answer is sealed with a
 * key that needs both the server secret and the user's one-time password, so neither a copy of
 * the database nor the server alone can open it.
 */
@Entity
@Table(name = "uem_issuance",
        uniqueConstraints = @UniqueConstraint(name = "uem_issuance_user_req", columnNames = {"user_id", "req_id"}),
        indexes = @Index(name = "uem_issuance_expires", columnList = "expires_at"))
public class UemIssuance {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 256)
    private String userId;

    @Column(name = "req_id", nullable = false, length = 256)
    private String reqId;

    @Column(name = "seal_salt", nullable = false, length = 32)
    private String sealSalt;

    @Column(name = "sealed_answer", nullable = false, columnDefinition = "TEXT")
    private String sealedAnswer;

    @Column(name = "certificate_serial", nullable = false, length = 64)
    private String certificateSerial;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UemIssuance() {
    }

    public UemIssuance(String id, String userId, String reqId, String sealSalt, String sealedAnswer,
                       String certificateSerial, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.reqId = reqId;
        this.sealSalt = sealSalt;
        this.sealedAnswer = sealedAnswer;
        this.certificateSerial = certificateSerial;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean replayableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String reqId() {
        return reqId;
    }

    public String sealSalt() {
        return sealSalt;
    }

    public String sealedAnswer() {
        return sealedAnswer;
    }

    public String certificateSerial() {
        return certificateSerial;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
