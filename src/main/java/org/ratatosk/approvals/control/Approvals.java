package org.ratatosk.approvals.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.ratatosk.approvals.entity.ApproverClock;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.approvals.entity.RequestStatus;
import org.ratatosk.audit.control.AuditTrail;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.Conflict;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.InvalidInput;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Refused;

/**
 * Approvers prove who they are only by signing: a fresh timestamp to see their tasks, a task's
 * {@code approvalToBeSigned} to approve or reject it. Each approver answers a request once.
 */
@Stateless
public class Approvals {

    private static final Logger LOG = Logger.getLogger(Approvals.class.getName());

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    KeyRequests requests;

    @Inject
    Config config;

    /**
     * The approver's open tasks of one kind ({@code null} for all), as TSB's filtered task calls
     * answer them: optionally only task {@code id} or request {@code requestId}, paged by
     * {@code paging.pageNumber} (from 0) and {@code paging.pageSize}, oldest first unless
     * {@code paging.sortOrder} is CREATION_DATE_DESC.
     */
    public JsonObject tasks(JsonObject body, KeyPolicy.Operation kind) {
        String approver = ApproverKeys.ofApprover(body);
        String timestampText = Bodies.bind(body, ApprovalBodies.Timestamp.class).timestamp();
        TaskQuery query = TaskQuery.of(body);
        ApprovalBodies.TimestampProof proof = Bodies.bind(body, ApprovalBodies.TimestampProof.class);
        Instant timestamp = provenTimestamp(approver, timestampText, proof.timestampSignature(), proof.digest());
        advanceClock(approver, timestamp);
        List<KeyRequest> open = new ArrayList<>();
        Instant now = clock.instant();
        for (KeyRequest request : requests.pending()) {
            if (rule(request).approverKeys().contains(approver) && !now.isAfter(request.expiresAt())
                    && (kind == null || kind.name().equals(request.operation())) && query.selects(request.id())
                    && Decisions.parse(request.decisions()).stream().noneMatch(d -> d.approverKey().equals(approver))) {
                open.add(request);
            }
        }
        JsonArrayBuilder tasks = Jsons.createArrayBuilder();
        for (KeyRequest request : query.page(open)) {
            tasks.add(task(request, rule(request), approver, query.detailLevel()));
        }
        return Jsons.createObjectBuilder().add("tasks", tasks).build();
    }

    private static JsonObject task(KeyRequest request, Rule rule, String approver, String detailLevel) {
        var task = Jsons.createObjectBuilder()
                .add("detailLevel", detailLevel)
                .add("id", request.id())
                .add("approvalToBeSigned", toBeSigned(request))
                .add("approverPublicKey", approver)
                .add("operation", request.operation())
                .add("keyLabel", request.keyLabelId())
                .add("notBefore", earliest(rule, approver, request.createdAt()).toString())
                .add("expirationTime", request.expiresAt().toString());
        if (!"level1".equals(detailLevel)) {
            KeyPolicy.Operation operation = KeyPolicy.Operation.valueOf(request.operation());
            task.add("payload", Base64.getEncoder().encodeToString(ApprovalToken.payload(operation, request.payload())))
                    .add("requestBase64", Base64.getEncoder().encodeToString(request.payload().getBytes(StandardCharsets.UTF_8)))
                    .add("timestamp", Base64.getEncoder().encodeToString(ApprovalToken.timestamp(request)));
        }
        return task.build();
    }

    /**
     * Lets an approver of the request read it: the same proof as for the tasks, a fresh signed
     * timestamp later than the last one, from a key the request's rule names. Anyone else is
     * refused alike, whether the request exists or not.
     */
    public void authenticateReader(String requestId, String approverPublicKey, String timestampText, String signature) {
        String approver = ApproverKeys.canonical(approverPublicKey, "approverPublicKey");
        Instant timestamp = provenTimestamp(approver, timestampText, signature, "SHA-256");
        KeyRequest request = requestId == null ? null : em.find(KeyRequest.class, requestId);
        if (request == null || !rule(request).approverKeys().contains(approver)) {
            throw new Refused(ErrorCode.NOT_AN_APPROVER, "This key is not an approver of request " + requestId);
        }
        advanceClock(approver, timestamp);
    }

    /** The timestamp, once its signature verifies with the approver's key and it is close to the server's time. */
    private Instant provenTimestamp(String approver, String timestampText, String signature, String digest) {
        Instant timestamp = parseTimestamp(timestampText);
        if (!ApproverKeys.verifies(approver, timestampText.getBytes(StandardCharsets.UTF_8), signature, digest)) {
            throw new Refused(ErrorCode.INVALID_SIGNATURE, "'timestampSignature' does not verify with 'approverPublicKey'");
        }
        long skew = config.getLong("hermod.keys.approval.max-clock-skew", 300);
        if (Duration.between(timestamp, clock.instant()).abs().getSeconds() > skew) {
            throw new Refused(ErrorCode.STALE_TIMESTAMP, "'timestamp' is more than " + skew + " seconds from the server's time");
        }
        return timestamp;
    }

    private static Instant parseTimestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("'timestamp' must be an ISO-8601 time with offset, e.g. 2024-01-23T11:27:12Z");
        }
    }

    /**
     * Two first calls of a new approver at once both find no clock and both insert one: the second
     * insert fails on the primary key here, at the flush, as a concurrent change. Its caller runs the
     * call again ({@link org.ratatosk.platform.ConcurrentChanges#retryOnce}), which finds the
     * winner's clock and compares with it like any later call, rather than calling the loser a replay.
     */
    private void advanceClock(String approver, Instant timestamp) {
        String id = Hashes.sha256Hex(approver);
        ApproverClock last = em.find(ApproverClock.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (last == null) {
            em.persist(new ApproverClock(id, timestamp));
            em.flush();
        } else if (!last.advanceTo(timestamp)) {
            throw replayed();
        }
    }

    private static Refused replayed() {
        return new Refused(ErrorCode.TIMESTAMP_REPLAYED, "'timestamp' is not later than the last one this approver presented");
    }

    private static Instant earliest(Rule rule, String approver, Instant requestedAt) {
        return rule.tokens().stream()
                .filter(t -> t.groups().stream().anyMatch(g -> g.approvals().stream().anyMatch(a -> a.publicKey().equals(approver))))
                .map(t -> requestedAt.plusSeconds(t.timelock())).min(Instant::compareTo).orElse(requestedAt);
    }

    /** What an approver signs for a request, as TSB lays out its approval tokens (see {@link ApprovalToken}). */
    static String toBeSigned(KeyRequest request) {
        return ApprovalToken.of(request);
    }

    /** Records an approval or rejection; true when the request became APPROVED and should run. */
    public boolean decide(JsonObject body, boolean approve) {
        String id = Bodies.bind(body, ApprovalBodies.Decided.class).id();
        String approver = ApproverKeys.ofApprover(body);
        ApprovalBodies.Decision decision = Bodies.bind(body, ApprovalBodies.Decision.class);
        String presented = decision.approvalToBeSigned();
        String signature = decision.signature();
        String digest = decision.digest();
        KeyRequest request = requests.lock(id);
        Rule rule = rule(request);
        if (!rule.approverKeys().contains(approver)) {
            throw new Refused(ErrorCode.NOT_AN_APPROVER, "This key is not an approver of request " + id);
        }
        Instant now = clock.instant();
        if (request.status() == RequestStatus.EXPIRED
                || request.status() == RequestStatus.PENDING && !now.isBefore(request.expiresAt())) {
            throw new Conflict(ErrorCode.REQUEST_EXPIRED, "Request " + id + " expired at " + request.expiresAt());
        }
        if (request.status() != RequestStatus.PENDING) {
            throw new Conflict(ErrorCode.REQUEST_NOT_PENDING, "Request " + id + " is already " + request.status());
        }
        String expected = toBeSigned(request);
        if (!expected.equals(presented)) {
            throw new Refused(ErrorCode.STALE_APPROVAL, "'approvalToBeSigned' is not the one of request " + id);
        }
        if (!signs(approver, expected, signature, digest)) {
            throw new Refused(ErrorCode.INVALID_SIGNATURE, "'signature' does not verify with the approver's key");
        }
        List<Rule.Decision> decisions = new ArrayList<>(Decisions.parse(request.decisions()));
        if (decisions.stream().anyMatch(d -> d.approverKey().equals(approver))) {
            throw new Conflict(ErrorCode.ALREADY_DECIDED, "This approver already answered request " + id);
        }
        if (approve && !rule.acceptsDecisionFrom(approver, request.createdAt(), now)) {
            Instant notBefore = earliest(rule, approver, request.createdAt());
            throw new Conflict(ErrorCode.TIMELOCKED, "Request " + id + " cannot be approved before " + notBefore,
                    Map.of("notBefore", notBefore.toString()));
        }
        decisions.add(new Rule.Decision(approver, approve, now));
        request.recordDecisions(Decisions.format(decisions));
        String who = rule.approverName(approver).filter(n -> !n.isEmpty()).orElse(Hashes.sha256Hex(approver).substring(0, 12));
        LOG.info("Request " + id + " " + (approve ? "approved" : "rejected") + " by " + who);
        audit.record("approver:" + who, "approval", id, approve ? "APPROVAL" : "REJECTION", null);
        switch (rule.evaluate(decisions, request.createdAt())) {
            case APPROVED -> {
                request.approve();
                LOG.info("Request " + id + " APPROVED");
                audit.record("approver:" + who, "key-request", id, "APPROVED", null);
                return true;
            }
            case REJECTED -> {
                request.reject();
                LOG.info("Request " + id + " REJECTED");
                audit.record("approver:" + who, "key-request", id, "REJECTED", null);
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** The approver may sign the token's bytes, as TSB's approvers do, or its base64 text; both name the same request. */
    private static boolean signs(String approver, String toBeSigned, String signature, String digest) {
        return ApproverKeys.verifies(approver, Base64.getDecoder().decode(toBeSigned), signature, digest)
                || ApproverKeys.verifies(approver, toBeSigned.getBytes(StandardCharsets.UTF_8), signature, digest);
    }

    private static Rule rule(KeyRequest request) {
        return Rule.stored(Jsons.createReader(new StringReader(request.rule())).readValue(), "rule");
    }
}
