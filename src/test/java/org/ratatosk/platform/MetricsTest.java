package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsTest {

    private final Metrics metrics = new Metrics();

    @Test
    void applicationMetricsKeepTheirPrometheusNames() {
        metrics.commandSubmitted("PROV");
        metrics.commandSubmitted("PROV");
        metrics.commandFinished("PROV", "COMPLETED");
        metrics.answerRejected("NONCE_MISMATCH");
        metrics.callbackAttempt("delivered");
        metrics.deadLetter("callback");
        metrics.hsmSigning(Duration.ofMillis(3));
        metrics.expiryLag(Duration.ofMillis(-5));
        metrics.expiryLag(Duration.ofMillis(700));
        List<String> lines = metrics.render().lines().toList();
        assertTrue(lines.contains("hermod_commands_submitted_total{type=\"PROV\"} 2.0"), "submitted");
        assertTrue(lines.contains("hermod_commands_finished_total{state=\"COMPLETED\",type=\"PROV\"} 1.0"), "finished");
        assertTrue(lines.contains("hermod_answer_validation_failures_total{reason=\"NONCE_MISMATCH\"} 1.0"));
        assertTrue(lines.contains("hermod_callback_attempts_total{outcome=\"delivered\"} 1.0"));
        assertTrue(lines.contains("hermod_dead_letters_total{kind=\"callback\"} 1.0"));
        assertTrue(lines.contains("hermod_hsm_signing_seconds_bucket{le=\"0.0025\"} 0"));
        assertTrue(lines.contains("hermod_hsm_signing_seconds_bucket{le=\"0.005\"} 1"));
        assertTrue(lines.contains("hermod_expiry_lag_seconds_bucket{le=\"0.01\"} 1"), "a negative lag counts as zero");
        assertTrue(lines.contains("hermod_expiry_lag_seconds_bucket{le=\"0.5\"} 1"));
        assertTrue(lines.contains("hermod_expiry_lag_seconds_bucket{le=\"1.0\"} 2"));
        assertTrue(lines.contains("hermod_expiry_lag_seconds_bucket{le=\"+Inf\"} 2"));
        assertTrue(lines.contains("hermod_expiry_lag_seconds_count 2"));
        assertTrue(lines.contains("hermod_expiry_lag_seconds_sum 0.7"));
    }

    @Test
    void declaredBeforeFirstUse() {
        String text = metrics.render();
        assertTrue(text.contains("# TYPE hermod_expiry_lag_seconds histogram"), text);
        assertTrue(text.contains("# TYPE hermod_hsm_signing_seconds histogram"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads",
            "jvm_classes_loaded_classes", "process_cpu_usage", "process_cpu_time_ns_total", "process_uptime_seconds",
            "process_files_open_files", "system_cpu_count", "jvm_compilation_time_ms_total"})
    void jvmAndProcessBindersAreScraped(String family) {
        String text = metrics.render();
        assertTrue(text.lines().anyMatch(l -> l.startsWith(family)), family + " missing");
    }

    /** The compiler threads' CPU survives a garbage collection: a function counter holds its source weakly. */
    @Test
    void compilerThreadsCpuIsReadAfterAGarbageCollection() {
        System.gc();
        Double seconds = MetricsScrape.parse(metrics.render()).get("hermod_jit_compiler_cpu_seconds_total");
        assertTrue(seconds != null && seconds > 0, "compiler threads' CPU after a collection: " + seconds);
    }

    @Test
    void gaugesAreReadAtScrape() {
        double[] value = {3};
        metrics.gauge("hermod_test_open", "Open things.", () -> value[0]);
        value[0] = 7;
        assertTrue(metrics.render().lines().anyMatch(l -> l.equals("hermod_test_open 7.0")));
        assertEquals("hermod_test_open 7.0", metrics.render().lines()
                .filter(l -> l.startsWith("hermod_test_open ")).findFirst().orElseThrow());
    }
}
