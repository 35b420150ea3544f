package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.ManualClock;

class LockoutsTest {

    private final ManualClock clock = new ManualClock();
    private final Lockouts lockouts = Lockouts.standard(clock);

    private Lockouts.Failure fail(int times, String address, String principal) {
        Lockouts.Failure last = null;
        for (int i = 0; i < times; i++) {
            last = lockouts.failed(address, principal);
        }
        return last;
    }

    @Test
    void tenFailuresWithinAMinuteLockOutForAMinute() {
        Lockouts.Failure ninth = fail(9, "10.0.0.1", "operator:admin");
        assertFalse(ninth.lockedNow());
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.1", "operator:admin"));

        Lockouts.Failure tenth = lockouts.failed("10.0.0.1", "operator:admin");
        assertTrue(tenth.lockedNow());
        assertEquals(Duration.ofMinutes(1), tenth.lockedFor());
        assertEquals(Optional.of(Duration.ofMinutes(1)), lockouts.lockedFor("10.0.0.1", "operator:admin"));

        clock.advance(Duration.ofSeconds(45));
        assertEquals(Optional.of(Duration.ofSeconds(15)), lockouts.lockedFor("10.0.0.1", "operator:admin"));
        Lockouts.Failure duringLockout = lockouts.failed("10.0.0.1", "operator:admin");
        assertFalse(duringLockout.lockedNow(), "a lockout is reported once, when it begins");
        assertEquals(Duration.ofSeconds(15), duringLockout.lockedFor(), "failures during a lockout do not extend it");

        clock.advance(Duration.ofSeconds(15));
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.1", "operator:admin"));
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotLock() {
        for (int i = 0; i < 30; i++) {
            assertFalse(lockouts.failed("10.0.0.1", "client:portal").lockedNow(), "failure " + i);
            clock.advance(Duration.ofSeconds(7));
        }
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.1", "client:portal"));
    }

    @Test
    void eachFurtherLockoutDoublesUpToFifteenMinutes() {
        long[] expectedMinutes = {1, 2, 4, 8, 15, 15};
        for (long minutes : expectedMinutes) {
            Lockouts.Failure locked = fail(10, "10.0.0.2", "operator:admin");
            assertTrue(locked.lockedNow());
            assertEquals(Duration.ofMinutes(minutes), locked.lockedFor());
            clock.advance(locked.lockedFor());
        }
    }

    @Test
    void successAfterTheLockoutStartsOver() {
        clock.advance(fail(10, "10.0.0.3", "operator:admin").lockedFor());
        clock.advance(fail(10, "10.0.0.3", "operator:admin").lockedFor());
        lockouts.succeeded("10.0.0.3", "operator:admin");
        assertEquals(Duration.ofMinutes(1), fail(10, "10.0.0.3", "operator:admin").lockedFor());
    }

    @Test
    void pairsAreIndependent() {
        fail(10, "10.0.0.4", "operator:admin");
        assertTrue(lockouts.lockedFor("10.0.0.4", "operator:admin").isPresent());
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.5", "operator:admin"), "another address");
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.4", "operator:root"), "another user");
        assertEquals(Optional.empty(), lockouts.lockedFor("10.0.0.4", "client:admin"), "a client of the same name");
    }

    @Test
    void memoryIsBoundedAndAFloodOfNewPairsKeepsLockouts() {
        Lockouts small = new Lockouts(3, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(15), 100, clock);
        for (int i = 0; i < 3; i++) {
            small.failed("10.0.0.6", "operator:admin");
        }
        for (int i = 0; i < 10_000; i++) {
            small.failed("10.0.0.6", "operator:guess-" + i);
        }
        assertEquals(100, small.size());
        assertTrue(small.lockedFor("10.0.0.6", "operator:admin").isPresent(), "the lockout survived the flood");
    }

    @Test
    void loggedPrincipalsCannotForgeLogLines() {
        assertEquals("operator:eve?2026 INFO fake", LoginThrottle.printable("operator:eve\n2026 INFO fake"));
        assertEquals(103, LoginThrottle.printable("x".repeat(500)).length());
    }

    @Test
    void longPrincipalsShareOneEntry() {
        String longName = "operator:" + "x".repeat(100_000);
        fail(10, "10.0.0.7", longName + "a");
        assertTrue(lockouts.lockedFor("10.0.0.7", longName + "b").isPresent());
    }
}
