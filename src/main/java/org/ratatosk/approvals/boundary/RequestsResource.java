package org.ratatosk.approvals.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** Requests waiting for approval. Their approvers may read them too; only the operator and API keys cancel them. */
@TsbErrors
@Path("v1/request")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class RequestsResource {

    @Inject
    KeyRequests requests;

    @GET
    @Path("{id}")
    @ReadableByApprovers
    public JsonObject get(@PathParam("id") String id) {
        return requests.status(id);
    }

    @DELETE
    @Path("{id}")
    @Guarded(Role.KEY_OPERATION)
    public JsonObject cancel(@PathParam("id") String id) {
        return requests.cancel(id);
    }
}
