package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ratatosk.messaging.control.LongPolls;
import org.ratatosk.messaging.control.OperatorCommands;
import org.ratatosk.messaging.control.QrCodes;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.QueryParameters;

/**
 * Operator API: one command of any client, what its client sees of it, so that the console can
 * follow it (long poll), show its QR code and cancel it.
 */
@Path("admin/commands/{commandId}")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminCommandResource {

    @Inject
    OperatorCommands commands;

    @Inject
    QrCodes qrCodes;

    @Inject
    LongPolls longPolls;

    /** With {@code wait} (seconds, at most 60) the answer comes as soon as the command is final. */
    @GET
    public void get(@PathParam("commandId") String commandId, @QueryParam("wait") String waitParameter,
                    @Suspended AsyncResponse response) {
        Integer wait;
        try {
            wait = QueryParameters.upTo("wait", waitParameter, CommandsResource.MAX_WAIT_SECONDS);
        } catch (RuntimeException e) {
            response.resume(e);
            return;
        }
        CommandLongPoll.answer(response, commandId, wait, () -> commands.envelope(commandId), longPolls);
    }

    @DELETE
    public JsonObject cancel(@PathParam("commandId") String commandId) {
        return commands.cancel(commandId);
    }

    /** The {@code uri} of one destination as a QR code; {@code destination} is its index (default 0). */
    @GET
    @Path("qr")
    @Produces({"image/png", "image/svg+xml", MediaType.APPLICATION_JSON})
    public Response qr(@PathParam("commandId") String commandId,
                       @QueryParam("destination") String destination, @QueryParam("format") String format) {
        QrCodes.Image image = qrCodes.render(commands.envelope(commandId), destination, format);
        return Response.ok(image.content(), image.format().mediaType).build();
    }
}
