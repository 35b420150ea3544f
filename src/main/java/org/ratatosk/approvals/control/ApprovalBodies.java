package org.ratatosk.approvals.control;

import jakarta.validation.constraints.NotEmpty;
import org.ratatosk.platform.Bodies;

/**
 * An approver's decision and task list bodies, read in the steps of their checks: the request or
 * time first, then who the approver is ({@link ApproverKeys#ofApprover}), then what it signed.
 */
public final class ApprovalBodies {

    private ApprovalBodies() {
    }

    /** The request decided on. */
    public record Decided(@NotEmpty(message = "'id' is required") String id) {
    }

    /** Whether the approver names its key, read before deciding how it is named. */
    public record Approver(String approverPublicKey) {
    }

    public record ByKey(@NotEmpty(message = "'approverPublicKey' is required") String approverPublicKey) {
    }

    public record ByCertificate(@NotEmpty(message = "'approverCertificate' is required") String approverCertificate) {
    }

    /** What the approver signed to decide, and with which digest. */
    public record Decision(
            @NotEmpty(message = "'approvalToBeSigned' is required") String approvalToBeSigned,
            @NotEmpty(message = "'signature' is required") String signature,
            String approvalDigestAlgorithm) implements Bodies.Checked {

        @Override
        public void check(String component) {
            if (component.equals("approvalDigestAlgorithm")) {
                digest();
            }
        }

        String digest() {
            return ApproverKeys.digest(approvalDigestAlgorithm, "approvalDigestAlgorithm");
        }
    }

    /** The time an approver lists its tasks at, which it proves by signing it. */
    public record Timestamp(@NotEmpty(message = "'timestamp' is required") String timestamp) {
    }

    public record TimestampProof(
            @NotEmpty(message = "'timestampSignature' is required") String timestampSignature,
            String timestampDigestAlgorithm) implements Bodies.Checked {

        @Override
        public void check(String component) {
            if (component.equals("timestampDigestAlgorithm")) {
                digest();
            }
        }

        String digest() {
            return ApproverKeys.digest(timestampDigestAlgorithm, "timestampDigestAlgorithm");
        }
    }
}
