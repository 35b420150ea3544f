package org.ratatosk.approvals.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;

/**
 * Operator API: key requests waiting for approval, newest first, each with who approved so far and
 * the {@code approvalToBeSigned} its approvers sign. The operator sees them; only approvers decide.
 */
@Path("admin/key-requests")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminKeyRequestsResource {

    @Inject
    KeyRequests requests;

    @GET
    @Paged
    public Response pending(@QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        return requests.pendingPage(after, Page.limit(limit, 100)).response(uri);
    }
}
