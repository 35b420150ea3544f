package org.ratatosk.approvals.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.ratatosk.approvals.control.ApprovalToken;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.Jsons;

/**
 * Operator API: key requests waiting for approval, oldest first, each with who approved so far and
 * the {@code approvalToBeSigned} its approvers sign. The operator sees them; only approvers decide.
 */
@Path("admin/key-requests")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AdminKeyRequestsResource {

    static final int MAX_LIMIT = 100;

    @Inject
    KeyRequests requests;

    /** {@code after} is the cursor of the page before, from the {@code Hermod-Next-Cursor} header. */
    @GET
    public Response pending(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        int count = number("limit", limit, MAX_LIMIT, MAX_LIMIT);
        int offset = number("after", after, Integer.MAX_VALUE, 0);
        List<KeyRequest> page = requests.pending(offset, count + 1);
        JsonArrayBuilder body = Jsons.createArrayBuilder();
        page.stream().limit(count).forEach(request -> body.add(Jsons.createObjectBuilder(KeyRequests.render(request))
                .add("approvalToBeSigned", ApprovalToken.of(request))));
        Response.ResponseBuilder response = Response.ok(body.build().toString());
        if (page.size() > count) {
            response.header("Hermod-Next-Cursor", String.valueOf(offset + count));
        }
        return response.build();
    }

    private static int number(String name, String text, int max, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= max && (value > 0 || !"limit".equals(name))) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_FIELD", name + " must be a number from " + ("limit".equals(name) ? 1 : 0)
                + " to " + max);
    }
}
