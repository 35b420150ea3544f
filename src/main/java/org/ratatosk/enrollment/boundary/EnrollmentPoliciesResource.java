package org.ratatosk.enrollment.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.enrollment.control.EnrollmentPolicies;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Guarded;

/** Operator API: an API client's automatic enrollment. */
@Path("admin/clients/{clientId}/enrollment")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentPoliciesResource {

    @Inject
    EnrollmentPolicies policies;

    @PUT
    public JsonObject put(@PathParam("clientId") String clientId, String body) {
        JsonObject policy = JsonBodies.parseObject(body);
        return ConcurrentChanges.retryOnce(() -> policies.put(clientId, policy));
    }

    @GET
    public JsonObject get(@PathParam("clientId") String clientId) {
        return policies.get(clientId);
    }

    @DELETE
    public void delete(@PathParam("clientId") String clientId) {
        policies.delete(clientId);
    }
}
