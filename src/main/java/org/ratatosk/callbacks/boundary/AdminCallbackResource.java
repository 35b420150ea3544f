package org.ratatosk.callbacks.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.callbacks.control.CallbackRedelivery;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.Guarded;

/** Operator API: a command's callback delivery, and sending a dead-lettered one again. */
@Path("admin/commands/{commandId}/callback")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCallbackResource {

    @Inject
    CallbackRedelivery redelivery;

    @GET
    public JsonObject get(@PathParam("commandId") String commandId) {
        return redelivery.view(commandId);
    }

    @POST
    @Path("redeliver")
    public JsonObject redeliver(@PathParam("commandId") String commandId) {
        return ConcurrentChanges.retryOnce(() -> redelivery.redeliver(commandId));
    }
}
