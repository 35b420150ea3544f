package org.ratatosk.audit.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ratatosk.audit.entity.AuditEntry;
import org.ratatosk.audit.entity.AuditHead;
import org.ratatosk.platform.Hashes;
import org.ratatosk.platform.Jsons;

/**
 * Appending to and checking the hash chain, on whatever EntityManager and transaction the caller
 * has. Each entry's hash is SHA-256 over the previous hash, a newline and the entry's canonical
 * form: the JSON array [seq, epoch microseconds, actor, subjectType, subjectId, action, detail].
 */
public final class AuditChain {

    static final int PAGE = 500;

    private AuditChain() {
    }

    /** The outcome of a check: valid, or the first entry whose link or content does not match. */
    public record Verification(boolean valid, long entries, Long firstBrokenSeq, String reason) {
        static Verification broken(long entries, long seq, String reason) {
            return new Verification(false, entries, seq, reason);
        }
    }

    /** Appends a change that happened at {@code at}; the caller's transaction holds the head until it ends. */
    public static AuditEntry append(EntityManager em, Instant at, String actor, String subjectType, String subjectId,
                                    String action, String detail) {
        if (detail != null) {
            Jsons.createReader(new StringReader(detail)).readValue();
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head has no row; the migrations did not run");
        }
        long seq = head.lastSeq() + 1;
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        String hash = hash(head.lastHash(), seq, now, actor, subjectType, subjectId, action, detail);
        AuditEntry entry = new AuditEntry(seq, now, actor, subjectType, subjectId, action, detail, head.lastHash(), hash);
        em.persist(entry);
        head.advance(seq, hash);
        return entry;
    }

    public static Verification verify(EntityManager em) {
        String previous = AuditHeadGenesis.HASH;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq >= :from ORDER BY e.seq",
                            AuditEntry.class)
                    .setParameter("from", expected)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditEntry entry : page) {
                if (entry.seq() != expected) {
                    return Verification.broken(checked, expected, "entry " + expected + " is missing");
                }
                if (!entry.previousHash().equals(previous)) {
                    return Verification.broken(checked, entry.seq(), "previous hash does not match entry " + (expected - 1));
                }
                String recomputed = hash(previous, entry.seq(), entry.recordedAt(), entry.actor(), entry.subjectType(),
                        entry.subjectId(), entry.action(), entry.detail());
                if (!recomputed.equals(entry.entryHash())) {
                    return Verification.broken(checked, entry.seq(), "content does not match its hash");
                }
                previous = entry.entryHash();
                expected++;
                checked++;
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq() != checked || !head.lastHash().equals(previous)) {
            return Verification.broken(checked, checked + 1, "the chain ends before its head at " + head.lastSeq());
        }
        return new Verification(true, checked, null, null);
    }

    static String hash(String previousHash, long seq, Instant at, String actor, String subjectType, String subjectId,
                       String action, String detail) {
        JsonArrayBuilder canonical = Jsons.createArrayBuilder()
                .add(seq)
                .add(ChronoUnit.MICROS.between(Instant.EPOCH, at));
        for (String value : new String[] {actor, subjectType, subjectId, action, detail}) {
            if (value == null) {
                canonical.addNull();
            } else {
                canonical.add(value);
            }
        }
        return Hashes.sha256Hex(previousHash + "\n" + canonical.build());
    }

    /** The hash before the first entry, as the migration seeds the head. */
    private static final class AuditHeadGenesis {
        static final String HASH = "0".repeat(64);

        private AuditHeadGenesis() {
        }
    }
}
