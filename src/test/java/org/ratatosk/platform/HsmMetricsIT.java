package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ratatosk.keys.boundary.KeyApi;
import org.ratatosk.testsupport.Server;

/** Each signature of an HSM key is timed in the scrape; the test server's keys live in SoftHSM. */
@ExtendWith(ArquillianExtension.class)
class HsmMetricsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void hsmSignaturesAreTimed() throws Exception {
        Map<String, Double> before = MetricsScrape.scrape();
        String label = "metrics-" + UUID.randomUUID();
        KeyApi.createRsa(label, null);
        KeyApi.selfSignCa(label, "Metrics CA");
        KeyApi.post("certificate/request", KeyApi.csrBody(label, "Metrics CSR")).expectOk("csr");
        Map<String, Double> after = MetricsScrape.scrape();
        assertEquals(2, MetricsScrape.delta(before, after, "hermod_hsm_signing_seconds_count"));
        assertTrue(MetricsScrape.delta(before, after, "hermod_hsm_signing_seconds_sum") > 0);
    }
}
