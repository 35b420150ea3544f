package org.ratatosk.callbacks.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ratatosk.platform.Jsons;

/**
 * One attempt at a callback delivery as it ended, kept for the operator: when and where it ran,
 * how long it took and what the receiver answered. Written with the delivery's outcome, so the
 * history never shows an attempt whose outcome the delivery does not count.
 */
@Entity
@Table(name = "callback_attempt")
@IdClass(CallbackAttempt.Key.class)
public class CallbackAttempt {

    public static final int MAX_ERROR = 1024;
    private static final int MAX_NODE = 256;

    @Id
    @Column(name = "command_id", nullable = false, length = 36)
    private String commandId;

    @Id
    @Column(name = "attempt_number", nullable = false)
    private int number;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "error", length = MAX_ERROR)
    private String error;

    @Column(name = "node", nullable = false, length = MAX_NODE)
    private String node;

    protected CallbackAttempt() {
    }

    /**
     * Attempt {@code number} of the command's delivery, started at {@code startedAt} and over at
     * {@code endedAt}; {@code httpStatus} is null when no answer came, {@code error} null when it
     * was delivered.
     */
    public CallbackAttempt(String commandId, int number, Instant startedAt, Instant endedAt, Integer httpStatus,
                           String error, String node) {
        this.commandId = commandId;
        this.number = number;
        this.startedAt = startedAt;
        this.durationMillis = Math.max(0, Duration.between(startedAt, endedAt).toMillis());
        this.httpStatus = httpStatus;
        this.error = bounded(error, MAX_ERROR);
        this.node = bounded(node, MAX_NODE);
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** One row of the operator's list of attempts; absent members are absent, not null. */
    public JsonObject view() {
        JsonObjectBuilder view = Jsons.createObjectBuilder()
                .add("attempt", number)
                .add("startedAt", startedAt.toString())
                .add("durationMs", durationMillis);
        if (httpStatus != null) {
            view.add("httpStatus", httpStatus);
        }
        if (error != null) {
            view.add("error", error);
        }
        return view.add("node", node).build();
    }

    public String commandId() {
        return commandId;
    }

    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public String node() {
        return node;
    }

    /** The key of an attempt: its delivery's command and its number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String commandId;

        private int number;

        public Key() {
        }

        public Key(String commandId, int number) {
            this.commandId = commandId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && number == key.number && Objects.equals(commandId, key.commandId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(commandId, number);
        }
    }
}
