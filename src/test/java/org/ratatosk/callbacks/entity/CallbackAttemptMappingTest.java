package org.ratatosk.callbacks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.testsupport.MappingDatabase;

/** A delivery's attempts under EclipseLink (Payara's JPA provider), against the migrated schema. */
class CallbackAttemptMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void attemptsAreStoredPerDeliveryAndShownInTheirOrder() {
        Instant opened = Instant.parse("2026-01-01T10:00:00Z");
        DATABASE.inTransaction(em -> em.persist(new CallbackDelivery("a1", "d1", opened)));
        DATABASE.inTransaction(em -> {
            em.persist(new CallbackAttempt("a1", 2, opened.plusSeconds(5), opened.plusSeconds(5).plusMillis(40), 204,
                    null, "node-2"));
            em.persist(new CallbackAttempt("a1", 1, opened, opened.plusMillis(2_000), null, "x".repeat(2_000), "node-1"));
        });
        DATABASE.inTransaction(em -> {
            List<CallbackAttempt> attempts = em.createQuery("SELECT a FROM CallbackAttempt a WHERE a.commandId = :c"
                    + " ORDER BY a.number", CallbackAttempt.class).setParameter("c", "a1").getResultList();
            assertEquals(2, attempts.size());
            assertEquals(1024, attempts.get(0).error().length());
            assertEquals(2_000, attempts.get(0).durationMillis());
            assertEquals(null, attempts.get(0).httpStatus());
            assertEquals("{\"attempt\":2,\"startedAt\":\"2026-01-01T10:00:05Z\",\"durationMs\":40,\"httpStatus\":204,"
                    + "\"node\":\"node-2\"}", attempts.get(1).view().toString());
        });
    }

    @Test
    void anAttemptNumberIsRecordedOnceAndOnlyForAnExistingDelivery() {
        Instant now = Instant.now();
        DATABASE.inTransaction(em -> em.persist(new CallbackDelivery("a2", "d2", now)));
        DATABASE.inTransaction(em -> em.persist(new CallbackAttempt("a2", 1, now, now, 500, "HTTP 500", "n")));
        assertThrows(RuntimeException.class, () -> DATABASE.inTransaction(em ->
                em.persist(new CallbackAttempt("a2", 1, now, now, 204, null, "n"))));
        assertThrows(RuntimeException.class, () -> DATABASE.inTransaction(em ->
                em.persist(new CallbackAttempt("no-delivery", 1, now, now, 204, null, "n"))));
    }
}
