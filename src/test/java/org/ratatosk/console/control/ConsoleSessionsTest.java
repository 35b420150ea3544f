package org.ratatosk.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ratatosk.console.entity.ConsoleSession;
import org.ratatosk.platform.DomainException;
import org.ratatosk.platform.ErrorCode;

class ConsoleSessionsTest {

    @Test
    void useIsWrittenAtMostOnceAMinute() {
        assertEquals(Duration.ofMinutes(1), ConsoleSessions.refreshGranularity(Duration.ofMinutes(15)));
        assertEquals(Duration.ofSeconds(1), ConsoleSessions.refreshGranularity(Duration.ofSeconds(4)));
        Instant start = Instant.parse("2026-12-03T06:00:00Z");
        ConsoleSession session = new ConsoleSession("h", "c", "admin", start);
        assertFalse(session.seen(start.plusSeconds(59), Duration.ofMinutes(1)));
        assertEquals(start, session.lastSeenAt());
        assertTrue(session.seen(start.plusSeconds(60), Duration.ofMinutes(1)));
        assertEquals(start.plusSeconds(60), session.lastSeenAt());
        assertFalse(session.idleLongerThan(Duration.ofMinutes(15), start.plusSeconds(60 + 900)));
        assertTrue(session.idleLongerThan(Duration.ofMinutes(15), start.plusSeconds(60 + 901)));
    }

    @Test
    void theCsrfTokenMustBeTheSessionsOwn() {
        ConsoleSessions.Active active = new ConsoleSessions.Active("token", "admin", "csrf-of-this-session", 900);
        ConsoleSessions.requireCsrf(active, "csrf-of-this-session");
        for (String wrong : new String[] {null, "", "csrf-of-this-sessio", "csrf-of-this-session ", "token"}) {
            DomainException e = assertThrows(DomainException.class, () -> ConsoleSessions.requireCsrf(active, wrong));
            assertEquals(403, e.code().status());
            assertEquals(ErrorCode.CSRF_TOKEN_INVALID, e.code());
        }
    }
}
