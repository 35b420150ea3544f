package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecondAndItsFraction() {
        Instant at = Instant.ofEpochMilli(1_796_300_000_123L).plusNanos(500_000);
        String id = TimeOrderedIds.next(at);
        UUID uuid = UUID.fromString(id);
        assertEquals(id, uuid.toString());
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(1_796_300_000_123L, uuid.getMostSignificantBits() >>> 16);
        assertEquals(2048, uuid.getMostSignificantBits() & 0x0FFF, "half a millisecond");
        assertEquals(36, id.length());
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsText() {
        String previous = TimeOrderedIds.next(Instant.ofEpochMilli(1_000L));
        for (long at = 1_001L; at < 200_000L; at += 997) {
            String next = TimeOrderedIds.next(Instant.ofEpochMilli(at));
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void laterMicrosecondsOfOneMillisecondSortAfterEarlierOnes() {
        Instant millisecond = Instant.ofEpochMilli(1_796_300_000_123L);
        String previous = TimeOrderedIds.next(millisecond);
        for (int micros = 1; micros < 1000; micros++) {
            String next = TimeOrderedIds.next(millisecond.plusNanos(micros * 1000L));
            assertTrue(next.compareTo(previous) > 0, micros + " µs: " + previous + " then " + next);
            previous = next;
        }
        assertTrue(TimeOrderedIds.next(millisecond.plusMillis(1)).compareTo(previous) > 0);
    }

    @Test
    void idsOfOneInstantDifferInTheirRandomBits() {
        Set<String> seen = new HashSet<>();
        Instant at = Instant.ofEpochMilli(42L);
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.next(at));
        }
        assertEquals(100_000, seen.size());
    }
}
