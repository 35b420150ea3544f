package org.ratatosk.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A wait ends as soon as its condition holds, and at its timeout with the last reading when it never does. */
class AwaitTest {

    @Test
    void returnsTheFirstReadingThatIsDone() {
        AtomicInteger reads = new AtomicInteger();
        int value = Await.until(Duration.ofSeconds(10), Duration.ofMillis(1), reads::incrementAndGet, n -> n == 3);
        assertEquals(3, value);
        assertEquals(3, reads.get());
    }

    @Test
    void returnsTheLastReadingAtTheTimeout() {
        AtomicInteger reads = new AtomicInteger();
        int value = Await.until(Duration.ofMillis(50), Duration.ofMillis(5), reads::incrementAndGet, n -> false);
        assertEquals(reads.get(), value);
        assertTrue(value >= 2, "read again before the timeout: " + value);
    }

    @Test
    void aConditionThatNeverHoldsFailsNamingWhatWasAwaited() {
        assertFalse(Await.until(Duration.ofMillis(20), () -> false));
        AssertionError error = assertThrows(AssertionError.class,
                () -> Await.until("the callback", Duration.ofMillis(20), () -> false));
        assertEquals("the callback did not happen within PT0.02S", error.getMessage());
    }

    @Test
    void aFutureThatCompletesWhileItShouldWaitFails() {
        Await.stillPending("a poll", new CompletableFuture<>(), Duration.ofMillis(20));
        AssertionError error = assertThrows(AssertionError.class,
                () -> Await.stillPending("a poll", CompletableFuture.completedFuture("early"), Duration.ofMillis(20)));
        assertEquals("a poll returned after less than PT0.02S: early", error.getMessage());
    }
}
