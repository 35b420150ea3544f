package org.ratatosk.callbacks.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.callbacks.control.CallbackRedelivery;
import org.ratatosk.platform.Guarded;

/** Operator API: callbacks pending and dead, for the console's dashboard. */
@Path("admin/callbacks")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCallbacksResource {

    @Inject
    CallbackRedelivery redelivery;

    /** {@code {"pending": n, "dead": n}}. */
    @GET
    @Path("summary")
    public JsonObject summary() {
        return redelivery.summary();
    }
}
