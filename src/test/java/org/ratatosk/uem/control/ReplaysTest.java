package org.ratatosk.uem.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplaysTest {

    @Test
    void expiredAnswersAreSweptAtMostOnceAMinute() {
        Instant first = Instant.parse("2100-01-01T00:00:00Z");
        assertTrue(Replays.sweepDue(first));
        assertFalse(Replays.sweepDue(first));
        assertFalse(Replays.sweepDue(first.plusSeconds(59)));
        assertTrue(Replays.sweepDue(first.plusSeconds(60)));
        assertFalse(Replays.sweepDue(first.plusSeconds(61)));
    }
}
