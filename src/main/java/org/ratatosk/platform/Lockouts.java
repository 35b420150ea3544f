package org.ratatosk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per address and principal: too many within the window lock the pair out,
 * and each further lockout of the same pair lasts twice as long, up to a cap. The state is in
 * memory and bounded: when full, the pair seen longest ago that is not locked out is forgotten, so
 * that a flood of new pairs cannot push a lockout out.
 */
public class Lockouts {

    /** A lockout that began with a failure: its length, and whether this failure began it. */
    public record Failure(boolean lockedNow, Duration lockedFor) {
    }

    private static final int EVICTION_SCAN = 64;
    private static final int MAX_PRINCIPAL = 200;

    private final int maxFailures;
    private final Duration window;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Pair> pairs = new LinkedHashMap<>(16, 0.75f, true);

    public Lockouts(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, int capacity, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** 10 failures within a minute lock out for a minute, doubling up to 15 minutes; 10,000 pairs at most. */
    public static Lockouts standard(Clock clock) {
        return new Lockouts(10, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 10_000, clock);
    }

    /** How long the pair stays locked out, if it is now. */
    public synchronized Optional<Duration> lockedFor(String address, String principal) {
        Pair pair = pairs.get(key(address, principal));
        Instant now = clock.instant();
        return pair == null || !pair.lockedAt(now) ? Optional.empty() : Optional.of(Duration.between(now, pair.lockedUntil));
    }

    /** Counts a failure; the answer says whether the pair is now locked out and for how long. */
    public synchronized Failure failed(String address, String principal) {
        String key = key(address, principal);
        Instant now = clock.instant();
        Pair pair = pairs.get(key);
        if (pair == null) {
            makeRoom(now);
            pair = new Pair();
            pairs.put(key, pair);
        }
        if (pair.lockedAt(now)) {
            return new Failure(false, Duration.between(now, pair.lockedUntil));
        }
        while (!pair.failures.isEmpty() && !pair.failures.peekFirst().isAfter(now.minus(window))) {
            pair.failures.removeFirst();
        }
        pair.failures.addLast(now);
        if (pair.failures.size() < maxFailures) {
            return new Failure(false, Duration.ZERO);
        }
        pair.failures.clear();
        Duration length = lockoutLength(pair.lockouts);
        pair.lockouts++;
        pair.lockedUntil = now.plus(length);
        return new Failure(true, length);
    }

    /** A success after the lockout ended: the pair starts over. */
    public synchronized void succeeded(String address, String principal) {
        pairs.remove(key(address, principal));
    }

    synchronized int size() {
        return pairs.size();
    }

    private Duration lockoutLength(int earlierLockouts) {
        Duration length = firstLockout;
        for (int i = 0; i < earlierLockouts && length.compareTo(maxLockout) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxLockout) > 0 ? maxLockout : length;
    }

    private void makeRoom(Instant now) {
        if (pairs.size() < capacity) {
            return;
        }
        Iterator<Map.Entry<String, Pair>> eldest = pairs.entrySet().iterator();
        for (int scanned = 0; eldest.hasNext() && scanned < EVICTION_SCAN; scanned++) {
            if (!eldest.next().getValue().lockedAt(now)) {
                eldest.remove();
                return;
            }
        }
        Iterator<Map.Entry<String, Pair>> oldest = pairs.entrySet().iterator();
        oldest.next();
        oldest.remove();
    }

    /** Long principals are cut, so that a key costs little memory whatever a caller sends. */
    private static String key(String address, String principal) {
        String cut = principal.length() > MAX_PRINCIPAL ? principal.substring(0, MAX_PRINCIPAL) : principal;
        return address + "\u0000" + cut;
    }

    private static final class Pair {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private int lockouts;
        private Instant lockedUntil = Instant.MIN;

        boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }
    }
}
