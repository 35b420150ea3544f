package org.ratatosk.keys.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.approvals.entity.ApproverClock;
import org.ratatosk.approvals.entity.KeyRequest;
import org.ratatosk.approvals.entity.RequestStatus;
import org.ratatosk.testsupport.MappingDatabase;

/** The key entities and their queries under EclipseLink, Payara's JPA provider. */
class KeyEntitiesMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void keyRequestAndClockChangeThroughTheirMethods() {
        Instant now = Instant.parse("2026-01-01T10:00:00.123456Z");
        KeyAttributes attributes = new KeyAttributes(false, true, false, false, false, false, true, true);
        DATABASE.inTransaction(em -> {
            em.persist(new ManagedKey("CA.Example", "RSA", 2048, null, "pkcs11", attributes, "{}", false, "AAAA", now));
            em.persist(new KeyRequest("r1", "ca.example", "CSR", "{}", "{\"tokens\":[]}", now, now.plusSeconds(60)));
            em.persist(new ApproverClock("a1", now));
        });
        DATABASE.inTransaction(em -> {
            ManagedKey key = em.find(ManagedKey.class, "ca.example", LockModeType.PESSIMISTIC_WRITE);
            key.restrict(new KeyAttributes(false, false, false, false, false, false, true, true), now);
            key.block(now);
            key.replaceCertificateChain("PEM", now);
            KeyRequest request = em.find(KeyRequest.class, "r1");
            request.recordDecisions("[{\"key\":\"k\",\"approve\":true,\"at\":\"" + now + "\"}]");
            assertTrue(request.approve());
            assertTrue(request.executed("result", now));
            assertFalse(em.find(ApproverClock.class, "a1").advanceTo(now.plusNanos(500)), "same microsecond is a replay");
            assertTrue(em.find(ApproverClock.class, "a1").advanceTo(now.plusSeconds(1)));
        });
        DATABASE.inTransaction(em -> {
            ManagedKey key = em.find(ManagedKey.class, "ca.example");
            assertFalse(key.attributes().sign());
            assertTrue(key.blocked());
            assertEquals("PEM", key.certificateChain());
            assertEquals("CA.Example", key.label());
            KeyRequest request = em.find(KeyRequest.class, "r1");
            assertEquals(RequestStatus.EXECUTED, request.status());
            assertEquals("result", request.result());
            assertEquals(now.plusSeconds(1), em.find(ApproverClock.class, "a1").lastTimestamp());
            assertEquals(0, em.createQuery("SELECT r FROM KeyRequest r WHERE r.status = :status ORDER BY r.createdAt",
                    KeyRequest.class).setParameter("status", RequestStatus.PENDING).getResultList().size());
            assertEquals(1, em.createQuery("SELECT k FROM ManagedKey k ORDER BY k.labelId", ManagedKey.class)
                    .getResultList().size());
        });
    }
}
