package org.ratatosk.platform;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;

/** Readiness for scripts and load balancers: 200 when every part is up, 503 naming what is down. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class HealthResource {

    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @GET
    public Response health() {
        JsonObject report = report(checks);
        return Response.status(status(report)).entity(report.toString()).build();
    }

    static int status(JsonObject report) {
        return "UP".equals(report.getString("status")) ? 200 : 503;
    }

    /** UP when every check passes, else DOWN with each failing check DOWN and the kind of its failure. */
    static JsonObject report(Iterable<HealthCheck> checks) {
        JsonObjectBuilder results = Jsons.createObjectBuilder();
        boolean up = true;
        for (HealthCheck check : checks) {
            try {
                check.check();
                results.add(check.name(), Jsons.createObjectBuilder().add("status", "UP"));
            } catch (Exception e) {
                up = false;
                String reason = ErrorMapper.unwrap(e).getClass().getSimpleName();
                LOG.warning("Health check " + check.name() + " is DOWN: " + ErrorMapper.unwrap(e));
                results.add(check.name(), Jsons.createObjectBuilder().add("status", "DOWN").add("reason", reason));
            }
        }
        return Jsons.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build();
    }
}
