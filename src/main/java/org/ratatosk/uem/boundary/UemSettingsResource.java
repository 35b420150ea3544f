package org.ratatosk.uem.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.uem.control.KeyPairPool;
import org.ratatosk.uem.control.UemSettings;
import org.ratatosk.uem.control.UemSettingsStore;

/** Operator API: the UEM connector's settings, changed at run time on every node. */
@Path("admin/uem/settings")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class UemSettingsResource {

    @Inject
    UemSettings settings;

    @Inject
    UemSettingsStore store;

    @Inject
    KeyPairPool pool;

    @GET
    public JsonObject get() {
        return settings.current();
    }

    /** The whole {@code {caKey, keyAlgorithm, poolSize, passwordMode, validityDays}}; answers the settings now in force. */
    @PUT
    public JsonObject put(String body) {
        JsonObject requested = JsonBodies.parseObject(body);
        ConcurrentChanges.retryOnce(() -> store.store(requested));
        settings.forget();
        pool.refillConfigured();
        return settings.current();
    }

    /** Back to the system properties (and the development CA where it serves). */
    @DELETE
    public void clear() {
        store.clear();
        settings.forget();
        pool.refillConfigured();
    }
}
