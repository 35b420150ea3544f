package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A deadline message is due at the first millisecond after its deadline, never before it. */
class ExpirySchedulerTest {

    @Test
    void aDeadlineOnAMillisecondIsDueThen() {
        assertEquals(1_767_225_600_123L, ExpiryScheduler.dueMillis(Instant.parse("2026-01-01T00:00:00.123Z")));
    }

    @Test
    void aDeadlineBetweenMillisecondsIsDueAtTheNextOne() {
        assertEquals(1_767_225_600_124L, ExpiryScheduler.dueMillis(Instant.parse("2026-01-01T00:00:00.123001Z")));
        assertEquals(1_767_225_600_124L, ExpiryScheduler.dueMillis(Instant.parse("2026-01-01T00:00:00.123999999Z")));
    }
}
