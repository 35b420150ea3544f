package org.ratatosk.messaging.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.messaging.control.Answers;
import org.ratatosk.messaging.control.LongPolls;
import org.ratatosk.messaging.control.Mailboxes;
import org.ratatosk.messaging.control.WakeUpTopic;
import org.ratatosk.platform.QueryParameters;
import org.ratatosk.platform.Unauthenticated;

/** The device's API. A long poll is suspended, not parked on a thread, until a wake-up or its time. */
@Path("ms")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
public class MailboxesResource {

    static final int MAX_WAIT_SECONDS = 60;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Answers answers;

    @Inject
    LongPolls longPolls;

    @GET
    @Path("{bid}")
    public void list(@PathParam("bid") String bid, @QueryParam("wait") String waitParameter,
                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("token") String token,
                     @Suspended AsyncResponse response) {
        try {
            Integer wait = QueryParameters.upTo("wait", waitParameter, MAX_WAIT_SECONDS);
            mailboxes.open(bid, token(authorization, token));
            if (wait == null || wait == 0) {
                response.resume(mailboxes.list(bid).toString());
                return;
            }
            longPolls.hold(WakeUpTopic.Kind.MAILBOX, bid, response, wait,
                    () -> mailboxes.list(bid), Mailboxes::hasMessages);
        } catch (RuntimeException e) {
            response.resume(e);
        }
    }

    @GET
    @Path("{bid}/{mid}")
    public JsonObject fetch(@PathParam("bid") String bid, @PathParam("mid") String mid,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("token") String token) {
        return mailboxes.fetch(mailboxes.openForMessage(bid, token(authorization, token)), mid);
    }

    @POST
    @Path("{bid}/{mid}")
    public JsonObject answer(@PathParam("bid") String bid, @PathParam("mid") String mid,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("token") String token,
                             String body) {
        return answers.answer(bid, token(authorization, token), mid, body).orThrow();
    }

    private static String token(String authorization, String queryToken) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken;
        }
        throw new Unauthenticated("Mailbox token required (Authorization: Bearer)");
    }
}
