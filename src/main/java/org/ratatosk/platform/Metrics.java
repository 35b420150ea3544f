package org.ratatosk.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The server's metrics, one method per event, so that callers never spell metric names. Kept in a
 * Micrometer registry with the JVM, GC, thread, class loader, file descriptor, processor, uptime
 * and connection pool binders beside the application's own meters; {@link #render()} gives the Prometheus text
 * format. Counts are of this node since its start; Prometheus sums the nodes of a cluster.
 */
@ApplicationScoped
public class Metrics {

    /** Prometheus names, as scraped: Micrometer adds {@code _total} to counters and {@code _seconds} to timers. */
    static final String SUBMITTED = "hermod_commands_submitted_total";
    static final String FINISHED = "hermod_commands_finished_total";
    static final String ANSWER_REJECTED = "hermod_answer_validation_failures_total";
    static final String EXPIRY_LAG = "hermod_expiry_lag_seconds";
    static final String CALLBACK_ATTEMPTS = "hermod_callback_attempts_total";
    static final String DEAD_LETTERS = "hermod_dead_letters_total";
    static final String HSM_SIGNING = "hermod_hsm_signing_seconds";

    private static final Duration[] EXPIRY_LAG_BUCKETS = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] HSM_SIGNING_BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Held here: a function counter keeps only a weak reference to what it reads. */
    private final CompilerThreadsCpu compilerThreads = new CompilerThreadsCpu();

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmCompilationMetrics().bindTo(registry);
        compilerThreads.bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new ConnectionPoolMetrics().bindTo(registry);
        timer("hermod.expiry.lag", "Seconds from a command's timeout to its expiry.", EXPIRY_LAG_BUCKETS);
        timer("hermod.hsm.signing", "Seconds one signature with an HSM key took.", HSM_SIGNING_BUCKETS);
    }

    @PreDestroy
    void close() {
        gc.close();
        registry.close();
    }

    public void commandSubmitted(String type) {
        counter("hermod.commands.submitted", "Commands accepted, by command type.", "type", type);
    }

    public void commandFinished(String type, String state) {
        Counter.builder("hermod.commands.finished")
                .description("Commands that reached a final state, by command type and state.")
                .tags("type", type, "state", state)
                .register(registry).increment();
    }

    public void answerRejected(String reason) {
        counter("hermod.answer.validation.failures", "Device answers that failed validation, by reason code.", "reason", reason);
    }

    /** How late an expiry ran after the command's timeout; negative lags count as zero. */
    public void expiryLag(Duration lag) {
        timer("hermod.expiry.lag", "Seconds from a command's timeout to its expiry.", EXPIRY_LAG_BUCKETS)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** One callback delivery attempt; outcome e.g. {@code delivered}, {@code failed}, {@code rejected}. */
    public void callbackAttempt(String outcome) {
        counter("hermod.callback.attempts", "Callback deliveries attempted, by outcome.", "outcome", outcome);
    }

    /** A message the broker stopped redelivering; kind e.g. {@code callback}, {@code expiry}. */
    public void deadLetter(String kind) {
        counter("hermod.dead.letters", "Messages given up after their last redelivery, by kind.", "kind", kind);
    }

    public void hsmSigning(Duration latency) {
        timer("hermod.hsm.signing", "Seconds one signature with an HSM key took.", HSM_SIGNING_BUCKETS).record(latency);
    }

    /** A value read when scraped; {@code name} as Prometheus shows it, e.g. {@code hermod_uem_key_pool_available}. */
    public void gauge(String name, String help, DoubleSupplier value) {
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(help).strongReference(true).register(registry);
    }

    /** The Prometheus text format (0.0.4) of every meter. */
    public String render() {
        return registry.scrape();
    }

    private void counter(String name, String help, String label, String value) {
        Counter.builder(name).description(help).tag(label, value == null ? "" : value).register(registry).increment();
    }

    private Timer timer(String name, String help, Duration[] buckets) {
        return Timer.builder(name).description(help).serviceLevelObjectives(buckets).register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
