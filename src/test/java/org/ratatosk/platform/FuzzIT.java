package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.ratatosk.fuzz.Fixture;
import org.ratatosk.fuzz.FuzzProperties;
import org.ratatosk.fuzz.RawHttp;
import org.ratatosk.testsupport.OwnDeployment;
import org.ratatosk.testsupport.Server;

/**
 * Fuzzes the deployed server: {@value FuzzProperties#TRIES} mutated requests of every operation
 * (jqwik's property {@link FuzzProperties}, seeded), none answered with a 5xx, a dropped connection
 * or an error outside the contract's JSON; and the server is healthy afterwards. It is deployed
 * alone: its wrong keys lock the address's callers without a key out for a minute.
 */
@ExtendWith(ArquillianExtension.class)
@OwnDeployment
class FuzzIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void hostileRequestsGetContractAnswersAndLeaveTheServerHealthy() throws Exception {
        RawHttp http = new RawHttp(Server.baseUrl(), 60_000);
        FuzzProperties.target = new FuzzProperties.Target(http, new Fixture(http, Server.ADMIN_USER, Server.ADMIN_PASSWORD,
                "uem", "test-uem-secret", "/hermod/custom").create().templates());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(FuzzProperties.class))
                .filters(EngineFilter.includeEngines("jqwik"))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        String failures = summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage()))
                .collect(Collectors.joining("\n"));
        assertEquals(1, summary.getTestsFoundCount(), "the fuzzing property ran");
        assertEquals(1, summary.getTestsSucceededCount(), failures);

        RawHttp.Response health = http.send("GET", "/hermod/rest/health", List.of(), null);
        assertEquals(200, health.status(), health.text());
        assertTrue(health.text().startsWith("{\"status\":\"UP\""), health.text());
    }
}
