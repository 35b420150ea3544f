package org.ratatosk.audit.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ratatosk.audit.control.AuditChain;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.Guarded;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.Paged;

/** Operator API of the audit trail. */
@Path("admin/audit")
@Guarded
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** Recomputes the whole chain: {@code valid}, and otherwise the first broken entry and why. */
    @GET
    @Path("verify")
    public JsonObject verify() {
        AuditChain.Verification result = trail.verify();
        var body = Jsons.createObjectBuilder().add("valid", result.valid()).add("entries", result.entries());
        if (!result.valid()) {
            body.add("firstBrokenSeq", result.firstBrokenSeq()).add("reason", result.reason());
        }
        return body.build();
    }

    /** A subject's entries, newest first, a page at a time (1 to 1000, 100 by default). */
    @GET
    @Paged
    public Response entries(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        if (subjectType == null || subjectId == null) {
            throw InvalidInput.field("Query parameters subjectType and subjectId are required");
        }
        return trail.entries(subjectType, subjectId, after, Page.limit(limit, 1000)).response(uri);
    }
}
