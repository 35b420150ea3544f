package org.ratatosk.console.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An operator signed in to the browser console. Kept in the database, so that every node knows it
 * and it outlives a restart; only SHA-256 hashes of its cookie and CSRF tokens are stored.
 */
@Entity
@Table(name = "console_session")
public class ConsoleSession {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "csrf_hash", nullable = false, length = 64)
    private String csrfHash;

    @Column(name = "user_name", nullable = false, length = 256)
    private String user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected ConsoleSession() {
    }

    public ConsoleSession(String tokenHash, String csrfHash, String user, Instant now) {
        this.tokenHash = tokenHash;
        this.csrfHash = csrfHash;
        this.user = user;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String user() {
        return user;
    }

    public String csrfHash() {
        return csrfHash;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public boolean idleLongerThan(Duration timeout, Instant now) {
        return lastSeenAt.plus(timeout).isBefore(now);
    }

    /** Records use, but writes only when the last record is older than {@code granularity}. */
    public boolean seen(Instant now, Duration granularity) {
        if (lastSeenAt.plus(granularity).isAfter(now)) {
            return false;
        }
        lastSeenAt = now;
        return true;
    }
}
