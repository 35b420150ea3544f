package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.keys.tsb.TsbApiKeys;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.JsonBodies;

/** Operator API for the API keys TSB clients send in X-API-KEY. */
@Path("admin/tsb-keys")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@Guarded
public class TsbKeysResource {

    @Inject
    TsbApiKeys keys;

    /** Body {"roles":["KEY_MANAGEMENT",...]}: the answer's {@code token} is shown this once. */
    @PUT
    @Path("{name}")
    public JsonObject put(@PathParam("name") String name, String body) {
        return keys.put(name, JsonBodies.parseObject(body));
    }

    @GET
    public JsonArray list() {
        return keys.list();
    }

    @GET
    @Path("{name}")
    public JsonObject get(@PathParam("name") String name) {
        return keys.get(name);
    }

    @DELETE
    @Path("{name}")
    public void delete(@PathParam("name") String name) {
        keys.delete(name);
    }
}
