package org.ratatosk.approvals.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.approvals.entity.RequestStatus;
import org.ratatosk.approvals.entity.RequestedKey;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.ExpiryScheduler;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.NotFound;
import org.ratatosk.platform.Page;

/** Requests waiting for approvers: made, shown, cancelled, and expired by their deadline. */
@Stateless
public class KeyRequests {

    public static final String TIMEOUT = "key-request-timeout";
    public static final String RETRY = "key-request-retry";

    private static final Logger LOG = Logger.getLogger(KeyRequests.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ExpiryScheduler scheduler;

    public String submit(RequestedKey key, KeyPolicy.Operation operation, JsonObject payload, Rule rule) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        KeyRequest request = new KeyRequest(id, key.labelId(), operation.name(), payload.toString(),
                rule.toJson().toString(), now, rule.expiresAt(now));
        em.persist(request);
        scheduler.schedule(TIMEOUT, id, request.expiresAt());
        audit.record("operator", "key-request", id, "PENDING", Jsons.createObjectBuilder()
                .add("operation", operation.name()).add("key", key.label()).build());
        LOG.info("Request " + id + ": " + operation + " with key '" + key.label() + "' waits for approval until "
                + request.expiresAt());
        return id;
    }

    /** A request that needed no approval and ran at once: recorded EXECUTED, so its id can be read like any other. */
    public String executedAtOnce(RequestedKey key, KeyPolicy.Operation operation, JsonObject payload, String result) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        KeyRequest request = new KeyRequest(id, key.labelId(), operation.name(), payload.toString(),
                Rule.NONE.toJson().toString(), now, now);
        request.approve();
        request.executed(result, now);
        em.persist(request);
        audit.record("operator", "key-request", id, "EXECUTED", Jsons.createObjectBuilder()
                .add("operation", operation.name()).add("key", key.label()).build());
        return id;
    }

    public KeyRequest require(String id) {
        return found(id, id == null ? null : em.find(KeyRequest.class, id));
    }

    /** The request, read under a write lock in one statement (not read, locked, then read again). */
    public KeyRequest lock(String id) {
        return found(id, id == null ? null : em.find(KeyRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static KeyRequest found(String id, KeyRequest request) {
        if (request == null) {
            throw new NotFound(ErrorCode.REQUEST_NOT_FOUND, "No request " + id);
        }
        return request;
    }

    public JsonObject status(String id) {
        return render(require(id));
    }

    public JsonObject cancel(String id) {
        KeyRequest request = lock(id);
        if (!request.cancel()) {
            throw new Conflict(ErrorCode.REQUEST_FINAL, "Request " + id + " is already " + request.status());
        }
        LOG.info("Request " + id + " CANCELLED");
        audit.record("operator", "key-request", id, "CANCELLED", null);
        return render(request);
    }

    /** The timeout deadline: a request nobody approved in time ends EXPIRED; an early delivery is put back. */
    public void timedOut(String id) {
        KeyRequest request = em.find(KeyRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status() != RequestStatus.PENDING) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(request.expiresAt())) {
            scheduler.schedule(TIMEOUT, id, request.expiresAt());
            return;
        }
        request.expire(now);
        LOG.info("Request " + id + " EXPIRED");
        audit.record("server", "key-request", id, "EXPIRED", null);
    }

    /** Pending requests of every key, for approvers to pick theirs from. */
    public List<KeyRequest> pending() {
        return em.createQuery("SELECT r FROM KeyRequest r WHERE r.status = :status ORDER BY r.createdAt", KeyRequest.class)
                .setParameter("status", RequestStatus.PENDING).getResultList();
    }

    /**
     * One page of {@link #pending()} for the operator, newest first, after the cursor's (creation time, id), each
     * request with the statement its approvers sign.
     */
    public Page pendingPage(String after, int limit) {
        List<String> cursor = Cursor.decode(after, 2);
        String where = cursor == null ? "" : " AND (r.createdAt < :at OR (r.createdAt = :at AND r.id < :id))";
        var query = em.createQuery("SELECT r FROM KeyRequest r WHERE r.status = :status" + where
                        + " ORDER BY r.createdAt DESC, r.id DESC", KeyRequest.class)
                .setParameter("status", RequestStatus.PENDING).setMaxResults(limit + 1);
        if (cursor != null) {
            try {
                query.setParameter("at", Instant.parse(cursor.get(0))).setParameter("id", cursor.get(1));
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursor.notHandedOut();
            }
        }
        List<KeyRequest> found = query.getResultList();
        JsonArrayBuilder page = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(request -> page.add(Jsons.createObjectBuilder(render(request))
                .add("approvalToBeSigned", ApprovalToken.of(request))));
        KeyRequest last = found.size() > limit ? found.get(limit - 1) : null;
        return new Page(page.build(), last == null ? null : Cursor.encode(last.createdAt().toString(), last.id()));
    }

    /** Cancels what is still waiting on a key that goes away. */
    public void cancelAllOf(String keyLabelId) {
        em.createQuery("SELECT r FROM KeyRequest r WHERE r.keyLabelId = :key AND r.status = :status", KeyRequest.class)
                .setParameter("key", keyLabelId).setParameter("status", RequestStatus.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(KeyRequest::cancel);
    }

    public static JsonObject render(KeyRequest request) {
        Rule rule = Rule.stored(Jsons.createReader(new java.io.StringReader(request.rule())).readValue(), "rule");
        List<Rule.Decision> decisions = Decisions.parse(request.decisions());
        JsonArrayBuilder approved = Jsons.createArrayBuilder();
        JsonArrayBuilder rejected = Jsons.createArrayBuilder();
        JsonArrayBuilder waiting = Jsons.createArrayBuilder();
        for (String approver : rule.approverKeys()) {
            var decision = decisions.stream().filter(d -> d.approverKey().equals(approver)).findFirst();
            if (decision.isEmpty()) {
                waiting.add(approver);
            } else if (decision.get().approve()) {
                approved.add(approver);
            } else {
                rejected.add(approver);
            }
        }
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("id", request.id())
                .add("status", request.status().name())
                .add("operation", request.operation())
                .add("keyLabel", request.keyLabelId())
                .add("creationTime", request.createdAt().toString())
                .add("expirationTime", request.expiresAt().toString());
        if (request.executionTime() != null) {
            json.add("executionTime", request.executionTime().toString());
        } else {
            json.addNull("executionTime");
        }
        json.add("approvedBy", approved).add("notYetApprovedBy", waiting).add("rejectedBy", rejected);
        if (request.result() != null) {
            json.add("result", request.result());
        } else {
            json.addNull("result");
        }
        if (request.failure() != null) {
            json.add("failure", request.failure());
        }
        return json.build();
    }
}
