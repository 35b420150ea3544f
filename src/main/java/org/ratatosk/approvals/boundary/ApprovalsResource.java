package org.ratatosk.approvals.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ratatosk.approvals.control.ApprovalBodies;
import org.ratatosk.approvals.control.Approvals;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.approvals.control.KeyRequests;
import org.ratatosk.approvals.control.RequestExecution;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ConcurrentChanges;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.TsbErrors;

/**
 * Approvers' calls, authenticated by their signatures; a request that also carries credentials
 * must hold TSB's APPROVER role (see {@link ApproverCall}).
 */
@TsbErrors
@Path("v1")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.APPLICATION_JSON)
@ApproverCall
public class ApprovalsResource {

    @Inject
    Approvals approvals;

    @Inject
    RequestExecution execution;

    @Inject
    KeyRequests requests;

    @POST
    @Path("filteredApprovalTask")
    public JsonObject tasks(String body) {
        return tasks(body, null);
    }

    @POST
    @Path("filteredAllApprovalTask")
    public JsonObject allTasks(String body) {
        return tasks(body, null);
    }

    @POST
    @Path("filteredSignApprovalTask")
    public JsonObject signTasks(String body) {
        return tasks(body, KeyPolicy.Operation.SIGN);
    }

    @POST
    @Path("filteredDecryptApprovalTask")
    public JsonObject decryptTasks(String body) {
        return tasks(body, KeyPolicy.Operation.DECRYPT);
    }

    @POST
    @Path("filteredUnwrapKeyApprovalTask")
    public JsonObject unwrapTasks(String body) {
        return tasks(body, KeyPolicy.Operation.UNWRAP);
    }

    @POST
    @Path("filteredBlockKeyApprovalTask")
    public JsonObject blockTasks(String body) {
        return tasks(body, KeyPolicy.Operation.BLOCK);
    }

    @POST
    @Path("filteredUnblockKeyApprovalTask")
    public JsonObject unblockTasks(String body) {
        return tasks(body, KeyPolicy.Operation.UNBLOCK);
    }

    @POST
    @Path("filteredModifyKeyApprovalTask")
    public JsonObject modifyTasks(String body) {
        return tasks(body, KeyPolicy.Operation.MODIFY);
    }

    @POST
    @Path("approval")
    public JsonObject approve(String body) {
        return decide(JsonBodies.parseObject(body), true);
    }

    @POST
    @Path("rejection")
    public JsonObject reject(String body) {
        return decide(JsonBodies.parseObject(body), false);
    }

    /** A new approver's first calls at once both insert its clock; the one that loses runs again and finds it. */
    private JsonObject tasks(String body, KeyPolicy.Operation kind) {
        JsonObject parsed = JsonBodies.parseObject(body);
        return ConcurrentChanges.retryOnce(() -> approvals.tasks(parsed, kind));
    }

    /** The decision commits first; an operation it unlocks then runs in its own transaction. */
    private JsonObject decide(JsonObject body, boolean approve) {
        String id = Bodies.bind(body, ApprovalBodies.Decided.class).id();
        if (approvals.decide(body, approve)) {
            execution.execute(id);
        }
        return requests.status(id);
    }
}
