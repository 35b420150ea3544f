package org.ratatosk.console.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.testsupport.MappingDatabase;
import org.ratatosk.uem.entity.UemStoredSettings;

/** The console's tables and the command list's keyset query under EclipseLink (Payara's provider) with H2. */
class ConsoleMappingTest {

    @RegisterExtension
    static final MappingDatabase DATABASE = new MappingDatabase();

    @Test
    void sessionsAreFoundByTheirHashAndRecordUse() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DATABASE.inTransaction(em -> em.persist(new ConsoleSession("a".repeat(64), "b".repeat(64), "admin", now)));
        DATABASE.inTransaction(em -> em.find(ConsoleSession.class, "a".repeat(64)).seen(now.plusSeconds(61), Duration.ofMinutes(1)));
        DATABASE.inTransaction(em -> {
            ConsoleSession session = em.find(ConsoleSession.class, "a".repeat(64));
            assertEquals(now.plusSeconds(61), session.lastSeenAt());
            assertEquals("admin", session.user());
            assertEquals(1, em.createQuery("DELETE FROM ConsoleSession s WHERE s.lastSeenAt < :before")
                    .setParameter("before", now.plusSeconds(62)).executeUpdate());
        });
        DATABASE.inTransaction(em -> assertNull(em.find(ConsoleSession.class, "a".repeat(64))));
    }

    @Test
    void uemSettingsAreOneVersionedRow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DATABASE.inTransaction(em -> {
            UemStoredSettings settings = new UemStoredSettings(now);
            settings.change(null, "EC_P256", 3, "otp", 30, now);
            em.persist(settings);
        });
        DATABASE.inTransaction(em -> {
            UemStoredSettings settings = em.find(UemStoredSettings.class, UemStoredSettings.ID);
            assertNull(settings.caKey());
            assertEquals(30, settings.validityDays());
            settings.change("ca", "RSA_2048", 0, "random", 365, now);
        });
        DATABASE.inTransaction(em -> assertEquals("ca", em.find(UemStoredSettings.class, UemStoredSettings.ID).caKey()));
    }

    @Test
    void theCommandListsKeysetQueryPagesNewestFirstWithTiesById() {
        Instant t = Instant.parse("2026-12-03T06:00:00.123456Z");
        DATABASE.inTransaction(em -> {
            for (String id : List.of("k-1", "k-2", "k-3")) {
                Command command = new Command(id, "pager", CommandType.PROV, null, "h", "{}", 60, t, t.plusSeconds(60));
                command.addressTo("jane");
                em.persist(command);
            }
            Command older = new Command("k-0", "pager", CommandType.PROV, null, "h", "{}", 60, t.minusSeconds(1), t.plusSeconds(60));
            em.persist(older);
        });
        List<String> seen = new ArrayList<>();
        DATABASE.inTransaction(em -> {
            Instant afterCreated = t;
            String afterId = "k-1";
            seen.addAll(em.createQuery("SELECT c.id FROM Command c WHERE c.clientId = :client AND (c.createdAt < :afterCreated"
                            + " OR (c.createdAt = :afterCreated AND c.id > :afterId)) ORDER BY c.createdAt DESC, c.id", String.class)
                    .setParameter("client", "pager").setParameter("afterCreated", afterCreated).setParameter("afterId", afterId)
                    .getResultList());
            assertEquals(3, em.createQuery("SELECT COUNT(c) FROM Command c WHERE c.targetUser = :user", Long.class)
                    .setParameter("user", "jane").getSingleResult());
        });
        assertEquals(List.of("k-2", "k-3", "k-0"), seen);
    }
}
