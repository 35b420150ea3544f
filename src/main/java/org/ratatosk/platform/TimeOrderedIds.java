package org.ratatosk.platform;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys of rows that are never handed out (a pending audit record, a callback attempt), in the
 * layout of a version 7 UUID: the time first, so that rows written together sit together in the
 * table's index. A random key would make every insert, and every delete of a pending record,
 * rewrite an index page of its own; ids handed out to clients stay random (version 4).
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** An id for {@code epochMillis}: later times sort after earlier ones, as strings too. */
    public static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
