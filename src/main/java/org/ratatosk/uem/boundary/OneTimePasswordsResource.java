package org.ratatosk.uem.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.Guarded;
import org.ratatosk.uem.control.OneTimePasswords;

/** Operator API: a one-time password for a UEM user. */
@Path("admin/uem/users/{user}/otp")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class OneTimePasswordsResource {

    @Inject
    OneTimePasswords passwords;

    @POST
    public JsonObject issue(@PathParam("user") String user, String body) {
        return ConcurrentChanges.retryOnce(() -> passwords.issue(user, body));
    }
}
