package org.ratatosk.approvals.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.approvals.entity.RequestStatus;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.Causes;
import org.ratatosk.platform.Deadline;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ExpiryScheduler;
import org.ratatosk.platform.HsmUnavailableException;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;

/**
 * Runs an APPROVED request once. The operation runs in a transaction of its own, so that its
 * failure is recorded as FAILED; while the HSM is down the request stays APPROVED and is retried.
 */
@Stateless
public class RequestExecution {

    private static final Logger LOG = Logger.getLogger(RequestExecution.class.getName());
    static final long RETRY_SECONDS = 10;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    KeyRequests requests;

    @Inject
    ApprovedOperations operations;

    @Inject
    ExpiryScheduler scheduler;

    public void execute(String id) {
        KeyRequest request = requests.lock(id);
        if (request.status() != RequestStatus.APPROVED) {
            return;
        }
        KeyPolicy.Operation operation = KeyPolicy.Operation.valueOf(request.operation());
        JsonObject payload = JsonBodies.parseStored(request.payload());
        Instant now = clock.instant();
        try {
            String result = operations.run(request.keyLabelId(), operation, payload);
            request.executed(result, now);
            LOG.info("Request " + id + " EXECUTED");
            audit.record("server", "key-request", id, "EXECUTED", null);
        } catch (RuntimeException e) {
            Throwable cause = Causes.find(e, t -> t instanceof DomainException || t instanceof HsmUnavailableException)
                    .orElse(e);
            if (cause instanceof HsmUnavailableException) {
                scheduler.schedule(KeyRequests.RETRY, id, now.plusSeconds(RETRY_SECONDS));
                LOG.warning("Request " + id + " stays APPROVED, HSM unavailable; retrying in " + RETRY_SECONDS + " s");
            } else if (cause instanceof DomainException api) {
                request.failed(api.code() + ": " + api.getMessage(), now);
                LOG.info("Request " + id + " FAILED: " + api.code());
                audit.record("server", "key-request", id, "FAILED", Jsons.createObjectBuilder().add("code", api.code().name()).build());
            } else {
                request.failed("Unexpected failure", now);
                LOG.log(Level.SEVERE, "Request " + id + " FAILED", e);
            }
        }
    }

    /** Deadlines of key requests: the timeout, and retries of an approved request. */
    public void onDeadline(@Observes Deadline deadline) {
        if (KeyRequests.TIMEOUT.equals(deadline.kind())) {
            requests.timedOut(deadline.id());
        } else if (KeyRequests.RETRY.equals(deadline.kind())) {
            execute(deadline.id());
        }
    }
}
