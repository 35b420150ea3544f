package org.ratatosk.callbacks.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.ratatosk.platform.Jsons;

/**
 * The delivery of one finished command's envelope to its client's callback URL. The delivery id
 * stays the same across attempts, so the receiver can drop duplicates.
 */
@Entity
@Table(name = "callback_delivery")
public class CallbackDelivery {

    public enum State { PENDING, DELIVERED, DEAD }

    private static final int MAX_ERROR = 1024;

    @Id
    @Column(name = "command_id", length = 36)
    private String commandId;

    @Column(name = "delivery_id", nullable = false, length = 36)
    private String deliveryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** When the next attempt is due while the delivery is pending: what a restarted server sweeps. */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Version
    @Column(name = "version")
    private long version;

    protected CallbackDelivery() {
    }

    public CallbackDelivery(String commandId, String deliveryId, Instant createdAt) {
        this.commandId = commandId;
        this.deliveryId = deliveryId;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
        this.state = State.PENDING;
    }

    public void delivered(Instant now) {
        attempted(now);
        state = State.DELIVERED;
        deliveredAt = now;
        nextAttemptAt = null;
    }

    /** A failed attempt; the delivery stays pending until {@link #retryAt} or {@link #dead} is called. */
    public void failed(String error, Instant now) {
        attempted(now);
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    /** The next attempt is due at {@code due}. */
    public void retryAt(Instant due) {
        if (state != State.PENDING) {
            throw new IllegalStateException("Callback of command " + commandId + " is already " + state);
        }
        nextAttemptAt = due;
    }

    public void dead() {
        state = State.DEAD;
        nextAttemptAt = null;
    }

    /** The operator sends a dead-lettered callback once more: it is pending again, due {@code now}. */
    public void redeliver(Instant now) {
        if (state != State.DEAD) {
            throw new IllegalStateException("Callback of command " + commandId + " is " + state + ", not DEAD");
        }
        state = State.PENDING;
        nextAttemptAt = now;
    }

    /**
     * Whether a queued attempt, sent after {@code attemptsBefore} attempts had failed, is still
     * the next one: false once that attempt ran (a duplicate of it arrived) or the delivery ended.
     */
    public boolean awaits(int attemptsBefore) {
        return state == State.PENDING && attempts == attemptsBefore;
    }

    private void attempted(Instant now) {
        if (state != State.PENDING) {
            throw new IllegalStateException("Callback of command " + commandId + " is already " + state);
        }
        attempts++;
        lastAttemptAt = now;
    }

    /** The {@code callback} field of the envelope. */
    public JsonObject view() {
        JsonObjectBuilder view = Jsons.createObjectBuilder().add("state", state.name()).add("attempts", attempts);
        if (lastError != null) {
            view.add("lastError", lastError);
        }
        return view.build();
    }

    public String commandId() {
        return commandId;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
