package org.ratatosk.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratatosk.audit.entity.AuditEntry;
import org.ratatosk.audit.entity.AuditEvent;
import org.ratatosk.platform.TimeOrderedIds;
import org.ratatosk.testsupport.MigratedDatabase;

/**
 * The chain on the migrated schema under EclipseLink: appends link up, tampering is found, appends
 * serialise, and pending records join it in the order they were recorded.
 */
class AuditChainTest {

    private static final Instant RECORDED = Instant.parse("2026-03-01T09:00:00Z");

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

    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    void appendFive() {
        for (int i = 1; i <= 5; i++) {
            String id = "c" + i;
            Instant at = RECORDED.plusSeconds(i);
            inTransaction(em -> AuditChain.append(em, at, "client-a", "command", id, "SUBMITTED", "{\"type\":\"PROV\"}"));
        }
    }

    @Test
    void appendedEntriesFormAValidChain() {
        appendFive();
        AuditChain.Verification result = inTransaction(AuditChain::verify);
        assertTrue(result.valid(), String.valueOf(result));
        assertEquals(5, result.entries());
        assertNull(result.firstBrokenSeq());
        List<AuditEntry> entries = inTransaction(em -> em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.seq",
                AuditEntry.class).getResultList());
        assertEquals("0".repeat(64), entries.get(0).previousHash());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(entries.get(i - 1).entryHash(), entries.get(i).previousHash());
            assertEquals(i + 1, entries.get(i).seq());
        }
    }

    @Test
    void emptyChainIsValid() {
        AuditChain.Verification result = inTransaction(AuditChain::verify);
        assertTrue(result.valid());
        assertEquals(0, result.entries());
    }

    @Test
    void changedDetailIsNamed() throws Exception {
        appendFive();
        jdbc("UPDATE audit_entry SET detail = '{\"type\":\"CERT\"}' WHERE seq = 3");
        AuditChain.Verification result = inTransaction(AuditChain::verify);
        assertFalse(result.valid());
        assertEquals(3L, result.firstBrokenSeq());
        assertEquals(2, result.entries());
        assertEquals("content does not match its hash", result.reason());
    }

    @Test
    void rehashedRowBreaksTheNextLink() throws Exception {
        appendFive();
        jdbc("UPDATE audit_entry SET actor = 'mallory', entry_hash = '" + "ab".repeat(32) + "' WHERE seq = 2");
        AuditChain.Verification result = inTransaction(AuditChain::verify);
        assertFalse(result.valid());
        assertEquals(2L, result.firstBrokenSeq());
    }

    @Test
    void deletedRowsAreNamed() throws Exception {
        appendFive();
        jdbc("DELETE FROM audit_entry WHERE seq = 4");
        assertEquals(4L, inTransaction(AuditChain::verify).firstBrokenSeq());
        jdbc("DELETE FROM audit_entry WHERE seq = 5");
        AuditChain.Verification tail = inTransaction(AuditChain::verify);
        assertFalse(tail.valid());
        assertEquals(4L, tail.firstBrokenSeq());
    }

    @Test
    void detailMustBeJson() {
        assertThrows(RuntimeException.class,
                () -> inTransaction(em -> AuditChain.append(em, RECORDED, "a", "command", "c", "X", "not json")));
        assertEquals(0, inTransaction(AuditChain::verify).entries());
    }

    @Test
    void concurrentAppendsSerialiseIntoOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String actor = "thread-" + t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = actor + "-" + i;
                        inTransaction(em -> AuditChain.append(em, RECORDED, actor, "command", id, "SUBMITTED", null));
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditChain.Verification result = inTransaction(AuditChain::verify);
        assertTrue(result.valid(), String.valueOf(result));
        assertEquals(100, result.entries());
    }

    @Test
    void recordsOfOneMillisecondAreLinkedInTheMicrosecondsTheyWereRecordedAt() {
        Instant millisecond = Instant.parse("2026-03-01T09:00:00.123Z");
        // Written in the reverse order, each a few microseconds after the one before in time.
        for (int micros = 999; micros >= 0; micros -= 37) {
            Instant at = millisecond.plusNanos(micros * 1000L);
            String action = "A" + micros;
            inTransaction(em -> {
                em.persist(new AuditEvent(TimeOrderedIds.next(at), at, "client-a", "command", "c1", action, null));
                return null;
            });
        }
        Instant next = millisecond.plusMillis(1);
        inTransaction(em -> {
            em.persist(new AuditEvent(TimeOrderedIds.next(next), next, "client-a", "command", "c1", "NEXT", null));
            return null;
        });
        AuditLinker linker = new AuditLinker();
        assertEquals(29, (int) inTransaction(em -> {
            linker.em = em;
            return linker.linkBatch();
        }));
        assertEquals(0, (int) inTransaction(em -> {
            linker.em = em;
            return linker.linkBatch();
        }));

        List<AuditEntry> entries = inTransaction(em -> em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.seq",
                AuditEntry.class).getResultList());
        assertEquals(29, entries.size());
        assertEquals("A0", entries.get(0).action());
        assertEquals("A37", entries.get(1).action());
        assertEquals("NEXT", entries.get(28).action());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).recordedAt().isBefore(entries.get(i).recordedAt()),
                    entries.get(i - 1).action() + " then " + entries.get(i).action());
        }
        assertTrue(inTransaction(AuditChain::verify).valid());
    }

    private void jdbc(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            assertEquals(1, statement.executeUpdate());
        }
    }
}
