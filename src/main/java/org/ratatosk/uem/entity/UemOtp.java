package org.ratatosk.uem.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.ratatosk.platform.Hashes;

/**
 * The one-time password an operator issued to a UEM user. Its row is also what makes the user
 * known to the connector. Only a salted hash is kept; five wrong guesses lock it until reissued.
 */
@Entity
@Table(name = "uem_otp")
public class UemOtp {

    public static final int MAX_FAILED_ATTEMPTS = 5;

    public enum Verdict { ACCEPTED, WRONG, EXPIRED, USED, LOCKED }

    @Id
    @Column(name = "user_id", length = 256)
    private String userId;

    @Column(name = "otp_salt", nullable = false, length = 32)
    private String salt;

    @Column(name = "otp_hash", nullable = false, length = 64)
    private String hash;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    protected UemOtp() {
    }

    public UemOtp(String userId) {
        this.userId = userId;
    }

    /** A fresh password replaces the old one, with its use and its failed attempts forgotten. */
    public void reissue(String salt, String hash, Instant issuedAt, Instant expiresAt) {
        this.salt = salt;
        this.hash = hash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.usedAt = null;
        this.failedAttempts = 0;
    }

    /**
     * Checks a presented password; a wrong one counts towards the lockout. The alphabet has no
     * lower case, so the comparison ignores case: users type what they read.
     */
    public Verdict check(String presented, Instant now) {
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            return Verdict.LOCKED;
        }
        if (usedAt != null) {
            return Verdict.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return Verdict.EXPIRED;
        }
        if (presented == null || !Hashes.matches(hash, salt, normalize(presented))) {
            failedAttempts++;
            return Verdict.WRONG;
        }
        return Verdict.ACCEPTED;
    }

    public static String normalize(String otp) {
        return otp.trim().toUpperCase(Locale.ROOT);
    }

    public void consume(Instant now) {
        usedAt = now;
    }

    public String userId() {
        return userId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public boolean locked() {
        return failedAttempts >= MAX_FAILED_ATTEMPTS;
    }
}
