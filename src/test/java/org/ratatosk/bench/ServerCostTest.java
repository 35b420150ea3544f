package org.ratatosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ratatosk.platform.MetricsScrape;

class ServerCostTest {

    private static final String SCRAPE = """
            # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
            # TYPE process_cpu_time_ns_total counter
            process_cpu_time_ns_total 2.5E10
            jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 4000.0
            hermod_jit_compiler_cpu_seconds_total 3.5
            hermod_database_size_bytes 1048576.0
            hermod_database_written_bytes 2048.0
            """;

    @Test
    void theCompilersShareIsShownApartFromTheRest() {
        ServerCost.Reading before = new ServerCost.Reading(10e9, 1, 1024 * 1024, 0);
        ServerCost.Reading after = new ServerCost.Reading(30e9, 5, 1024 * 1024 + 200 * 1024, 400 * 1024);

        assertEquals("server cost (sign round trip, jws): 50.00 ms CPU per operation (20.0 s over 400),"
                        + " 10.00 ms of it in the JIT compiler threads, 40.00 ms in the rest, database +0.5 KB per operation,"
                        + " 1.0 KB written per operation",
                ServerCost.line("sign round trip, jws", before, after, 400));
    }

    @Test
    void whatTheServerDoesNotReportIsSaidSo() {
        ServerCost.Reading before = new ServerCost.Reading(0, Double.NaN, Double.NaN, Double.NaN);
        ServerCost.Reading after = new ServerCost.Reading(1e9, Double.NaN, Double.NaN, Double.NaN);

        assertEquals("server cost (trivial authenticated GET): 0.10 ms CPU per operation (1.0 s over 10000),"
                        + " JIT time not reported, database size not reported, writes not reported",
                ServerCost.line("trivial authenticated GET", before, after, 10_000));
    }

    @Test
    void samplesAreFoundByTheirFullNameWithOrWithoutLabels() {
        assertEquals(2.5e10, ServerCost.sample(MetricsScrape.parse(SCRAPE), "process_cpu_time_ns_total"));
        assertEquals(4000.0, ServerCost.sample(MetricsScrape.parse(SCRAPE), "jvm_compilation_time_ms_total"));
        assertEquals(3.5, ServerCost.sample(MetricsScrape.parse(SCRAPE), "hermod_jit_compiler_cpu_seconds_total"));
        assertEquals(2048.0, ServerCost.sample(MetricsScrape.parse(SCRAPE), "hermod_database_written_bytes"));
        assertEquals(Double.NaN, ServerCost.sample(MetricsScrape.parse(SCRAPE), "hermod_database"));
    }
}
