package org.ratatosk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The server's metrics, one method per event, so that callers never spell metric names. Counts
 * are of this node since its start; Prometheus sums the nodes of a cluster.
 */
@ApplicationScoped
public class Metrics {

    static final String SUBMITTED = "hermod_commands_submitted_total";
    static final String FINISHED = "hermod_commands_finished_total";
    static final String ANSWER_REJECTED = "hermod_answer_validation_failures_total";
    static final String EXPIRY_LAG = "hermod_expiry_lag_seconds";
    static final String CALLBACK_ATTEMPTS = "hermod_callback_attempts_total";
    static final String DEAD_LETTERS = "hermod_dead_letters_total";
    static final String HSM_SIGNING = "hermod_hsm_signing_seconds";

    private final MetricRegistry registry = new MetricRegistry();

    public Metrics() {
        registry.counter(SUBMITTED, "Commands accepted, by command type.", "type");
        registry.counter(FINISHED, "Commands that reached a final state, by command type and state.", "type", "state");
        registry.counter(ANSWER_REJECTED, "Device answers that failed validation, by reason code.", "reason");
        registry.histogram(EXPIRY_LAG, "Seconds from a command's timeout to its expiry.",
                new double[] {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60});
        registry.counter(CALLBACK_ATTEMPTS, "Callback deliveries attempted, by outcome.", "outcome");
        registry.counter(DEAD_LETTERS, "Messages given up after their last redelivery, by kind.", "kind");
        registry.histogram(HSM_SIGNING, "Seconds one signature with an HSM key took.",
                new double[] {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5});
    }

    public void commandSubmitted(String type) {
        registry.increment(SUBMITTED, type);
    }

    public void commandFinished(String type, String state) {
        registry.increment(FINISHED, type, state);
    }

    public void answerRejected(String reason) {
        registry.increment(ANSWER_REJECTED, reason);
    }

    /** How late an expiry ran after the command's timeout; negative lags count as zero. */
    public void expiryLag(Duration lag) {
        registry.observe(EXPIRY_LAG, Math.max(0, lag.toNanos()) / 1e9);
    }

    /** One callback delivery attempt; outcome e.g. {@code delivered}, {@code failed}, {@code rejected}. */
    public void callbackAttempt(String outcome) {
        registry.increment(CALLBACK_ATTEMPTS, outcome);
    }

    /** A message the broker stopped redelivering; kind e.g. {@code callback}, {@code expiry}. */
    public void deadLetter(String kind) {
        registry.increment(DEAD_LETTERS, kind);
    }

    public void hsmSigning(Duration latency) {
        registry.observe(HSM_SIGNING, latency.toNanos() / 1e9);
    }

    public void gauge(String name, String help, java.util.function.DoubleSupplier value) {
        registry.gauge(name, help, value);
    }

    public String render() {
        return registry.render();
    }
}
