package org.ratatosk.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus scrape endpoint of this node, without authentication like health. */
@Path("metrics")
@Produces(MetricsResource.TEXT_FORMAT)
public class MetricsResource {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @GET
    public String scrape() {
        return metrics.render();
    }
}
