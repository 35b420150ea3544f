package org.ratatosk.approvals.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Policy bodies in seed 003's shape. */
public final class Rules {

    private Rules() {
    }

    public static JsonObject group(String name, int quorum, Approver... approvers) {
        JsonArrayBuilder approvals = Json.createArrayBuilder();
        for (Approver approver : approvers) {
            approvals.add(approver.asApproval());
        }
        return Json.createObjectBuilder().add("name", name).add("quorum", quorum).add("approvals", approvals).build();
    }

    public static JsonObject rule(long timelock, long timeout, JsonObject... groups) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject group : groups) {
            array.add(group);
        }
        return Json.createObjectBuilder().add("tokens", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("name", "Token1").add("timelock", timelock).add("timeout", timeout).add("groups", array))).build();
    }

    /** A policy with the given rules; null leaves a rule out (no approval needed). */
    public static JsonObject policy(JsonObject use, JsonObject block, JsonObject unblock, JsonObject modify) {
        JsonObjectBuilder policy = Json.createObjectBuilder();
        if (use != null) {
            policy.add("ruleUse", use);
        }
        if (block != null) {
            policy.add("ruleBlock", block);
        }
        if (unblock != null) {
            policy.add("ruleUnblock", unblock);
        }
        if (modify != null) {
            policy.add("ruleModify", modify);
        }
        return policy.add("keyStatus", Json.createObjectBuilder().add("blocked", false)).build();
    }
}
