package org.ratatosk.callbacks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackScheduleTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({"250ms,250", "5s,5000", "2m,120000", "1h,3600000", "1d,86400000", "7,7000", " 30s ,30000"})
    void durationsHaveUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), CallbackSchedule.duration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "5x", "five seconds", "1.5s"})
    void badDurationsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> CallbackSchedule.duration(text));
    }

    @Test
    void delaysGrowThenTheLastRepeats() {
        CallbackSchedule schedule = CallbackSchedule.parse("5s,30s,2m", "1h");
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), schedule.delays());
        assertEquals(T0.plusSeconds(5), schedule.next(T0, 1, T0).orElseThrow());
        assertEquals(T0.plusSeconds(40), schedule.next(T0, 2, T0.plusSeconds(10)).orElseThrow());
        assertEquals(T0.plusSeconds(220), schedule.next(T0, 3, T0.plusSeconds(100)).orElseThrow());
        assertEquals(T0.plusSeconds(1120), schedule.next(T0, 9, T0.plusSeconds(1000)).orElseThrow());
    }

    @Test
    void theLastAttemptIsAtTheMaximumAgeThenTheDeliveryIsDead() {
        CallbackSchedule schedule = CallbackSchedule.parse("10m", "1h");
        assertEquals(T0.plusSeconds(3600), schedule.next(T0, 5, T0.plusSeconds(3300)).orElseThrow());
        assertTrue(schedule.next(T0, 6, T0.plusSeconds(3600)).isEmpty());
        assertTrue(schedule.next(T0, 6, T0.plusSeconds(4000)).isEmpty());
        assertTrue(CallbackSchedule.parse("1s", "0s").next(T0, 1, T0).isEmpty(), "max age 0: one attempt only");
    }

    @Test
    void defaultsParseAndNonsenseIsRefused() {
        CallbackSchedule defaults = CallbackSchedule.parse(CallbackSchedule.DEFAULT_DELAYS, CallbackSchedule.DEFAULT_MAX_AGE);
        assertEquals(Duration.ofHours(24), defaults.maxAge());
        assertEquals(6, defaults.delays().size());
        assertThrows(IllegalArgumentException.class, () -> CallbackSchedule.parse("0s", "1h"));
        assertThrows(IllegalArgumentException.class, () -> CallbackSchedule.parse("5s,,1m", "1h"));
    }

    @Test
    void callbackUrlGetsTheTypePath() {
        assertEquals("https://app/rest/callback/provision", CallbackSender.url("https://app/rest", "provision"));
        assertEquals("https://app/rest/callback/startpinreset", CallbackSender.url("https://app/rest/", "startpinreset"));
    }
}
