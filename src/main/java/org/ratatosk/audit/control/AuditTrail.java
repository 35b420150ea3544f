package org.ratatosk.audit.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.ratatosk.audit.entity.AuditEntry;
import org.ratatosk.audit.entity.AuditEvent;
import org.ratatosk.platform.Cursor;
import org.ratatosk.platform.Jsons;
import org.ratatosk.platform.Page;
import org.ratatosk.platform.TimeOrderedIds;

/**
 * Records every state change inside the transaction that makes the change: both commit or
 * neither. The change is linked into the hash chain right after the commit ({@link AuditLinker}),
 * so business transactions never wait for one another on the chain's head; reading or verifying
 * the chain links what is pending first.
 */
@Stateless
public class AuditTrail {

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLinker linker;

    @Inject
    AuditLinkScheduler linking;

    /**
     * {@code detail} is a JSON object or null, stored as its text; it must never hold a secret. The
     * caller's pending changes are written first: a change that fails on a key another transaction
     * took fails here, before its record exists, rather than at commit, where EclipseLink on
     * Payara wrote the record of a creation that lost its race and the record outlived it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String subjectType, String subjectId, String action, JsonObject detail) {
        em.flush();
        Instant now = clock.instant();
        em.persist(new AuditEvent(TimeOrderedIds.next(now), now, actor, subjectType, subjectId, action,
                text(detail)));
        linking.afterCommit();
    }

    /** One change to record; {@code detail} as for {@link #record}. */
    public record Change(String actor, String subjectType, String subjectId, String action, JsonObject detail) {
    }

    /**
     * {@link #record} for many changes made at {@code at} in the caller's transaction, with one
     * write of the pending changes before them rather than one each.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordAll(List<Change> changes, Instant at) {
        em.flush();
        for (Change change : changes) {
            em.persist(new AuditEvent(TimeOrderedIds.next(at), at, change.actor(), change.subjectType(),
                    change.subjectId(), change.action(), text(change.detail())));
        }
        linking.afterCommit();
    }

    private static String text(JsonObject detail) {
        return detail == null ? null : detail.toString();
    }

    public AuditChain.Verification verify() {
        linker.linkAll();
        return AuditChain.verify(em);
    }

    /** A subject's entries, newest first, {@code limit} after the cursor's entry. */
    public Page entries(String subjectType, String subjectId, String after, int limit) {
        List<String> cursor = Cursor.decode(after, 1);
        Long afterSeq = cursor == null ? null : Cursor.number(cursor.get(0));
        linker.linkAll();
        var query = em.createQuery("SELECT e FROM AuditEntry e WHERE e.subjectType = :type AND e.subjectId = :id"
                        + (afterSeq == null ? "" : " AND e.seq < :after") + " ORDER BY e.seq DESC", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .setMaxResults(limit + 1);
        if (afterSeq != null) {
            query.setParameter("after", afterSeq);
        }
        List<AuditEntry> found = query.getResultList();
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        found.stream().limit(limit).forEach(e -> all.add(view(e)));
        return new Page(all.build(), found.size() > limit ? Cursor.encode(String.valueOf(found.get(limit - 1).seq())) : null);
    }

    static JsonObject view(AuditEntry entry) {
        var view = Jsons.createObjectBuilder()
                .add("seq", entry.seq())
                .add("time", entry.recordedAt().toString())
                .add("actor", entry.actor())
                .add("subjectType", entry.subjectType())
                .add("subjectId", entry.subjectId())
                .add("action", entry.action());
        if (entry.detail() != null) {
            view.add("detail", Jsons.createReader(new StringReader(entry.detail())).readValue());
        }
        return view.add("previousHash", entry.previousHash()).add("hash", entry.entryHash()).build();
    }
}
