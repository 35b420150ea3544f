package org.ratatosk.approvals.control;

import jakarta.json.JsonObject;

/**
 * Runs the operation of an approved request. Approvals decide when a request may run; the
 * components that own the operations run it, so that approvals import none of them.
 */
public interface ApprovedOperations {

    /** The operation's result as the request shows it; it runs in a transaction of its own. */
    String run(String keyLabelId, KeyPolicy.Operation operation, JsonObject payload);
}
