package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ratatosk.clients.control.ApiClients;
import org.ratatosk.messaging.control.CommandSubmission;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.control.QrCodes;
import org.ratatosk.platform.ApiException;

/** The application server's API: submit, follow and cancel commands. */
@Path("command")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class CommandsResource {

    static final String API_KEY = "X-Api-Key";

    @Inject
    ApiClients clients;

    @Inject
    CommandSubmission submission;

    @Inject
    Commands commands;

    @Inject
    QrCodes qrCodes;

    @POST
    @Path("{type}")
    public JsonObject submit(@HeaderParam(API_KEY) String apiKey, @PathParam("type") String type, String body) {
        return submission.submit(clients.authenticate(apiKey), type, body);
    }

    @GET
    @Path("{commandId}")
    public JsonObject get(@HeaderParam(API_KEY) String apiKey, @PathParam("commandId") String commandId) {
        return commands.envelope(clients.authenticate(apiKey), commandId);
    }

    @GET
    public JsonArray byExternalId(@HeaderParam(API_KEY) String apiKey, @QueryParam("externalId") String externalId) {
        var client = clients.authenticate(apiKey);
        if (externalId == null || externalId.isEmpty()) {
            throw ApiException.badRequest("INVALID_FIELD", "Query parameter externalId is required");
        }
        return commands.byExternalId(client, externalId);
    }

    /** The {@code uri} of one destination as a QR code; {@code destination} is its index (default 0). */
    @GET
    @Path("{commandId}/qr")
    @Produces({"image/png", "image/svg+xml", MediaType.APPLICATION_JSON})
    public Response qr(@HeaderParam(API_KEY) String apiKey, @PathParam("commandId") String commandId,
                       @QueryParam("destination") String destination, @QueryParam("format") String format) {
        QrCodes.Image image = qrCodes.render(clients.authenticate(apiKey), commandId, destination, format);
        return Response.ok(image.content(), image.format().mediaType).build();
    }

    @DELETE
    @Path("{commandId}")
    public JsonObject cancel(@HeaderParam(API_KEY) String apiKey, @PathParam("commandId") String commandId) {
        return commands.cancel(clients.authenticate(apiKey), commandId);
    }
}
