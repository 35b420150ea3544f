package org.ratatosk.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratatosk.audit.entity.AuditEntry;
import org.ratatosk.audit.entity.AuditEvent;
import org.ratatosk.platform.TimeOrderedIds;
import org.ratatosk.testsupport.MigratedDatabase;

/** Linking on the migrated schema under EclipseLink: pending records join the chain in the order they were recorded. */
class AuditLinkerTest {

    private static final Instant MILLISECOND = Instant.parse("2026-03-01T09:00:00.123Z");

    MigratedDatabase database;
    EntityManagerFactory factory;

    @BeforeEach
    void open() {
        database = new MigratedDatabase();
        factory = database.eclipseLink();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private int linkBatch() {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            AuditLinker linker = new AuditLinker();
            linker.em = em;
            int linked = linker.linkBatch();
            em.getTransaction().commit();
            return linked;
        } finally {
            em.close();
        }
    }

    private void record(String action, Instant at) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new AuditEvent(TimeOrderedIds.next(at), at, "client-a", "command", "c1", action, null));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @Test
    void recordsOfOneMillisecondAreLinkedInTheMicrosecondsTheyWereRecordedAt() {
        // Written in the reverse order, each a few microseconds after the one before in time.
        for (int micros = 999; micros >= 0; micros -= 37) {
            record("A" + micros, MILLISECOND.plusNanos(micros * 1000L));
        }
        record("NEXT", MILLISECOND.plusMillis(1));
        assertEquals(29, linkBatch());
        assertEquals(0, linkBatch());

        EntityManager em = factory.createEntityManager();
        try {
            List<AuditEntry> entries = em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.seq", AuditEntry.class)
                    .getResultList();
            assertEquals(29, entries.size());
            assertEquals("A0", entries.get(0).action());
            assertEquals("A37", entries.get(1).action());
            assertEquals("NEXT", entries.get(28).action());
            for (int i = 1; i < entries.size(); i++) {
                assertTrue(entries.get(i - 1).recordedAt().isBefore(entries.get(i).recordedAt()),
                        entries.get(i - 1).action() + " then " + entries.get(i).action());
            }
            assertTrue(AuditChain.verify(em).valid());
        } finally {
            em.close();
        }
    }
}
