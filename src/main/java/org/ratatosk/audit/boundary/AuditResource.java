package org.ratatosk.audit.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.audit.control.AuditChain;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.ApiException;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Guarded;

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

    @GET
    public JsonArray entries(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                             @QueryParam("limit") @DefaultValue("100") String limit) {
        if (subjectType == null || subjectId == null) {
            throw ApiException.badRequest("INVALID_FIELD", "Query parameters subjectType and subjectId are required");
        }
        int count;
        try {
            count = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 1000) {
            throw ApiException.badRequest("INVALID_FIELD", "limit must be 1 to 1000");
        }
        return trail.entries(subjectType, subjectId, count);
    }
}
