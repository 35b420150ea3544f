package org.ratatosk.uem.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.platform.ReadsItsOwnBodies;
import org.ratatosk.platform.Utf8Bodies;
import org.ratatosk.uem.control.PkiConnector;

/**
 * BlackBerry UEM's PKI connector interface, {@code <prefix>/pki?operation=...}. Any content type
 * is read as JSON, since UEM's requests are not guaranteed to label it; a body that is not UTF-8
 * is no request at all (a {@code badRequest} answer).
 */
@Path("uem/pki")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@UemConnector
@ReadsItsOwnBodies
public class PkiResource {

    @Inject
    PkiConnector connector;

    @GET
    public JsonObject get(@QueryParam("operation") String operation) {
        return connector.handle(operation, null);
    }

    @POST
    public JsonObject post(@QueryParam("operation") String operation, byte[] body) {
        return connector.handle(operation, Utf8Bodies.decode(body).orElse(null));
    }
}
