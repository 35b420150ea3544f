package org.ratatosk.keys.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.keys.control.KeyStoreService;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Role;
import org.ratatosk.platform.TsbErrors;

/** TSB's service calls: the key store's statistics (a TSB client's connection check) and random bytes from the token. */
@TsbErrors
@Path("v1")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class KeyStoreResource {

    @Inject
    KeyStoreService service;

    @GET
    @Path("keystore/statistics")
    @Guarded(Role.SERVICE)
    public JsonObject statistics() {
        return service.statistics();
    }

    /** TSB's documentation gives this call to key operation tokens; its Go client sends the service token. */
    @GET
    @Path("generateRandom/{length}")
    @Guarded({Role.KEY_OPERATION, Role.SERVICE})
    public JsonObject random(@PathParam("length") String length) {
        return service.random(length);
    }
}
