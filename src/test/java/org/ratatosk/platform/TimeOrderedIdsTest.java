package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        long at = 1_796_300_000_123L;
        String id = TimeOrderedIds.next(at);
        UUID uuid = UUID.fromString(id);
        assertEquals(id, uuid.toString());
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(at, uuid.getMostSignificantBits() >>> 16);
        assertEquals(36, id.length());
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnesAsText() {
        String previous = TimeOrderedIds.next(1_000L);
        for (long at = 1_001L; at < 200_000L; at += 997) {
            String next = TimeOrderedIds.next(at);
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.next(42L));
        }
        assertEquals(100_000, seen.size());
    }
}
