package org.ratatosk.clients.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.clients.control.ApiClients;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;

/** Operator API for API clients. */
@Path("admin/clients")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class ClientsResource {

    @Inject
    ApiClients clients;

    @PUT
    @Path("{clientId}")
    public JsonObject put(@PathParam("clientId") String clientId, String body) {
        JsonObject client = JsonBodies.parseObject(body);
        return ConcurrentChanges.retryOnce(() -> clients.put(clientId, client));
    }

    /** Clients by id, a page at a time (1 to 100, 100 by default). */
    @GET
    @Paged
    public Response list(@QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        return clients.list(after, Page.limit(limit, 100)).response(uri);
    }

    @GET
    @Path("{clientId}")
    public JsonObject get(@PathParam("clientId") String clientId) {
        return clients.get(clientId);
    }

    @DELETE
    @Path("{clientId}")
    public void delete(@PathParam("clientId") String clientId) {
        clients.delete(clientId);
    }
}
