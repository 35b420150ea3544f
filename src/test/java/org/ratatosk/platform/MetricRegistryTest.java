package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    @Test
    void countersRenderInTextFormatSortedByLabels() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("jobs_total", "Jobs done.", "type", "state");
        registry.increment("jobs_total", "PROV", "FAILED");
        registry.increment("jobs_total", "CERT", "COMPLETED");
        registry.increment("jobs_total", "CERT", "COMPLETED");
        assertEquals("""
                # HELP jobs_total Jobs done.
                # TYPE jobs_total counter
                jobs_total{type="CERT",state="COMPLETED"} 2
                jobs_total{type="PROV",state="FAILED"} 1
                """, registry.render());
    }

    @Test
    void histogramBucketsAreCumulativeWithSumAndCount() {
        MetricRegistry registry = new MetricRegistry();
        registry.histogram("lag_seconds", "Lag.", new double[] {1, 0.5});
        registry.observe("lag_seconds", 0.2);
        registry.observe("lag_seconds", 0.5);
        registry.observe("lag_seconds", 0.75);
        registry.observe("lag_seconds", 3);
        assertEquals("""
                # HELP lag_seconds Lag.
                # TYPE lag_seconds histogram
                lag_seconds_bucket{le="0.5"} 2
                lag_seconds_bucket{le="1"} 3
                lag_seconds_bucket{le="+Inf"} 4
                lag_seconds_sum 4.45
                lag_seconds_count 4
                """, registry.render());
    }

    @Test
    void labelledHistogramAndGauge() {
        MetricRegistry registry = new MetricRegistry();
        registry.histogram("b_seconds", "B.", new double[] {1}, "kind");
        registry.gauge("a_open", "Open things.", () -> 7);
        registry.observe("b_seconds", 2, "x");
        assertEquals("""
                # HELP a_open Open things.
                # TYPE a_open gauge
                a_open 7
                # HELP b_seconds B.
                # TYPE b_seconds histogram
                b_seconds_bucket{kind="x",le="1"} 0
                b_seconds_bucket{kind="x",le="+Inf"} 1
                b_seconds_sum 2
                b_seconds_count 1
                """.replace("b_seconds_sum 2", "b_seconds_sum{kind=\"x\"} 2")
                .replace("b_seconds_count 1", "b_seconds_count{kind=\"x\"} 1"), registry.render());
    }

    @Test
    void labelValuesAreEscaped() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("odd_total", "Odd.", "reason");
        registry.increment("odd_total", "a\"b\\c\nd");
        assertEquals("odd_total{reason=\"a\\\"b\\\\c\\nd\"} 1", registry.render().lines().toList().get(2));
    }

    @Test
    void misuseIsRefused() {
        MetricRegistry registry = new MetricRegistry();
        registry.counter("c_total", "C.", "one");
        assertThrows(IllegalArgumentException.class, () -> registry.increment("c_total"));
        assertThrows(IllegalArgumentException.class, () -> registry.increment("nope_total", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.observe("c_total", 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter("bad-name", "B."));
    }

    @Test
    void applicationMetricsAreAllDeclaredBeforeFirstUse() {
        Metrics metrics = new Metrics();
        metrics.hsmSigning(Duration.ofMillis(3));
        metrics.callbackAttempt("delivered");
        metrics.deadLetter("callback");
        metrics.expiryLag(Duration.ofMillis(-5));
        String text = metrics.render();
        for (String name : new String[] {Metrics.SUBMITTED, Metrics.FINISHED, Metrics.ANSWER_REJECTED,
                Metrics.EXPIRY_LAG, Metrics.CALLBACK_ATTEMPTS, Metrics.DEAD_LETTERS, Metrics.HSM_SIGNING}) {
            assertEquals(1, text.lines().filter(l -> l.startsWith("# TYPE " + name + " ")).count(), name);
        }
        assertEquals(1, text.lines().filter(l -> l.equals("hermod_hsm_signing_seconds_bucket{le=\"0.005\"} 1")).count());
        assertEquals(1, text.lines().filter(l -> l.equals("hermod_hsm_signing_seconds_bucket{le=\"0.0025\"} 0")).count());
        assertEquals(1, text.lines().filter(l -> l.equals("hermod_callback_attempts_total{outcome=\"delivered\"} 1")).count());
        assertEquals(1, text.lines().filter(l -> l.equals("hermod_expiry_lag_seconds_bucket{le=\"0.01\"} 1")).count());
    }
}
