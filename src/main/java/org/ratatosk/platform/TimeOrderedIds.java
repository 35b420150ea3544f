package org.ratatosk.platform;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keys of rows that are never handed out (pending audit records), in the layout of a version 7
 * UUID: the time first, so that rows written together sit together in the table's index. A random
 * key would make every insert, and every delete of a pending record, rewrite an index page of its
 * own; ids handed out to clients stay random (version 4).
 * <p>
 * The twelve bits after the version carry the fraction of the millisecond (steps of about 244 ns,
 * finer than the microseconds a timestamp column keeps), so ids of different instants sort as the
 * instants do, and a table can be read in time order through its primary key alone.
 */
public final class TimeOrderedIds {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private TimeOrderedIds() {
    }

    /** An id for {@code at}: later instants sort after earlier ones, as strings too. */
    public static String next(Instant at) {
        long nanosOfMilli = at.getNano() % NANOS_PER_MILLI;
        long fraction = (nanosOfMilli << 12) / NANOS_PER_MILLI;
        long high = (at.toEpochMilli() << 16) | 0x7000L | fraction;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
