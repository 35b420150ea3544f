package org.ratatosk.callbacks.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When to try a callback again: growing delays (the last one repeats) until the delivery is as
 * old as the maximum age, when one last attempt is made and then it is dead-lettered.
 */
public record CallbackSchedule(List<Duration> delays, Duration maxAge) {

    public static final String DEFAULT_DELAYS = "5s,30s,2m,10m,30m,1h";
    public static final String DEFAULT_MAX_AGE = "24h";

    public CallbackSchedule {
        if (delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maximum age must not be negative");
        }
        delays = List.copyOf(delays);
    }

    public static CallbackSchedule parse(String delays, String maxAge) {
        List<Duration> parsed = new ArrayList<>();
        for (String part : delays.split(",")) {
            parsed.add(duration(part));
        }
        return new CallbackSchedule(parsed, duration(maxAge));
    }

    /**
     * The time of the next attempt after {@code attempts} failed ones, or empty when the delivery
     * has reached its maximum age and is dead.
     */
    public Optional<Instant> next(Instant createdAt, int attempts, Instant now) {
        Instant deadline = createdAt.plus(maxAge);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Instant next = now.plus(delays.get(Math.max(0, Math.min(attempts, delays.size()) - 1)));
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}; a bare number is seconds. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty duration (use e.g. 500ms, 5s, 2m, 1h)");
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            char unit = value.charAt(value.length() - 1);
            String number = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1).trim();
            long amount = Long.parseLong(number);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new IllegalArgumentException("unknown unit in '" + text + "'");
                    }
                    yield Duration.ofSeconds(amount);
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 5s, 2m, 1h)", e);
        }
    }
}
