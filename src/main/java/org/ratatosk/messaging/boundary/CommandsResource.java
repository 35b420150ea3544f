package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ratatosk.clients.boundary.ApiClientKey;
import org.ratatosk.clients.boundary.CallingClient;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.control.Commands;
import org.ratatosk.messaging.control.IdempotentSubmission;
import org.ratatosk.messaging.control.LongPolls;
import org.ratatosk.messaging.control.QrCodes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.QueryParameters;

/** The application server's API: submit, follow and cancel commands. */
@Path("command")
@ApiClientKey
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class CommandsResource {

    static final int MAX_WAIT_SECONDS = 60;

    @Inject
    CallingClient calling;

    @Inject
    IdempotentSubmission submission;

    @Inject
    Commands commands;

    @Inject
    QrCodes qrCodes;

    @Inject
    LongPolls longPolls;

    @POST
    @Path("{type}")
    public JsonObject submit(@PathParam("type") String type, String body) {
        return submission.submit(calling.get(), type, body);
    }

    /** With {@code wait} (seconds, at most 60) the answer comes as soon as the command is final. */
    @GET
    @Path("{commandId}")
    public void get(@PathParam("commandId") String commandId,
                    @QueryParam("wait") String waitParameter, @Suspended AsyncResponse response) {
        ApiClient client;
        Integer wait;
        try {
            client = calling.get();
            wait = QueryParameters.upTo("wait", waitParameter, MAX_WAIT_SECONDS);
        } catch (RuntimeException e) {
            response.resume(e);
            return;
        }
        CommandLongPoll.answer(response, commandId, wait, () -> commands.envelope(client, commandId), longPolls);
    }

    @GET
    public JsonArray byExternalId(@QueryParam("externalId") String externalId) {
        var client = calling.get();
        if (externalId == null || externalId.isEmpty()) {
            throw InvalidInput.field("Query parameter externalId is required");
        }
        return commands.byExternalId(client, externalId);
    }

    /** The {@code uri} of one destination as a QR code; {@code destination} is its index (default 0). */
    @GET
    @Path("{commandId}/qr")
    @Produces({"image/png", "image/svg+xml", MediaType.APPLICATION_JSON})
    public Response qr(@PathParam("commandId") String commandId,
                       @QueryParam("destination") String destination, @QueryParam("format") String format) {
        QrCodes.Image image = qrCodes.render(calling.get(), commandId, destination, format);
        return Response.ok(image.content(), image.format().mediaType).build();
    }

    @DELETE
    @Path("{commandId}")
    public JsonObject cancel(@PathParam("commandId") String commandId) {
        return commands.cancel(calling.get(), commandId);
    }
}
