package org.ratatosk.callbacks.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ratatosk.callbacks.control.CallbackHistory;
import org.ratatosk.callbacks.control.CallbackRedelivery;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;

/** Operator API: a command's callback delivery, its attempts, and sending a dead-lettered one again. */
@Path("admin/commands/{commandId}/callback")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCallbackResource {

    @Inject
    CallbackRedelivery redelivery;

    @Inject
    CallbackHistory history;

    @GET
    public JsonObject get(@PathParam("commandId") String commandId) {
        return redelivery.view(commandId);
    }

    @GET
    @Path("attempts")
    @Paged(items = "An attempt: attempt (its number, from 1), startedAt, durationMs, httpStatus (absent when no"
            + " answer came), error (absent when delivered; at most 1024 characters), node (the server that made it)")
    public Response attempts(@PathParam("commandId") String commandId, @QueryParam("limit") String limit,
                             @QueryParam("after") String after, @Context UriInfo uri) {
        return history.attempts(commandId, after, Page.limit(limit, 100)).response(uri);
    }

    @POST
    @Path("redeliver")
    public JsonObject redeliver(@PathParam("commandId") String commandId) {
        return ConcurrentChanges.retryOnce(() -> redelivery.redeliver(commandId));
    }
}
