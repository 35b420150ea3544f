package org.ratatosk.ca.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.ratatosk.approvals.control.ApprovedOperations;
import org.ratatosk.approvals.control.KeyPolicy;
import org.ratatosk.keys.control.Ciphers;
import org.ratatosk.keys.control.KeyChanges;
import org.ratatosk.keys.control.Signatures;
import org.ratatosk.keys.control.Wraps;

/**
 * Every operation a key request can wait for, each run by its owner in a transaction of its own.
 * It lives with the CA, the one component that sees both the key uses and the certificate
 * operations; the switch is exhaustive, so a new kind of request cannot compile without its runner.
 */
@ApplicationScoped
public class ApprovedKeyOperations implements ApprovedOperations {

    @Inject
    KeyOperations operations;

    @Inject
    KeyChanges changes;

    @Inject
    Signatures signatures;

    @Inject
    Ciphers ciphers;

    @Inject
    Wraps wraps;

    @Override
    public String run(String keyLabelId, KeyPolicy.Operation operation, JsonObject payload) {
        return switch (operation) {
            case CSR, SIGN_CERTIFICATE, SELF_SIGN -> operations.runApproved(keyLabelId, operation, payload);
            case SIGN -> signatures.signApproved(keyLabelId, payload);
            case DECRYPT -> ciphers.decryptApproved(keyLabelId, payload);
            case UNWRAP -> wraps.unwrapApproved(payload);
            case BLOCK, UNBLOCK, MODIFY -> changes.apply(keyLabelId, operation, payload);
        };
    }
}
