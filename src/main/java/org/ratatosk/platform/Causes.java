package org.ratatosk.platform;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one walk along a cause chain. The container and the JPA providers wrap the project's and
 * the driver's exceptions to different depths, so what a failure means is looked for all along it.
 */
public final class Causes {

    private static final int MAX_DEPTH = 64;

    private Causes() {
    }

    /** The first exception of the chain, the thrown one included, that passes the test. */
    public static Optional<Throwable> find(Throwable thrown, Predicate<Throwable> test) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (test.test(current)) {
                return Optional.of(current);
            }
            Throwable next = current.getCause();
            current = next == current ? null : next;
        }
        return Optional.empty();
    }

    /** The first exception of the chain of the given type. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return find(thrown, type::isInstance).map(type::cast);
    }

    public static boolean any(Throwable thrown, Predicate<Throwable> test) {
        return find(thrown, test).isPresent();
    }

    /** A leading Java class name, as a wrapping exception's message repeats its cause's. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*|$)");

    /**
     * Why a provider refused, fit for an answer to a client: the message of the deepest exception
     * of the chain that has one, without the Java class names that wrapping puts in front of it.
     */
    public static String reason(Throwable thrown) {
        String reason = null;
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                reason = current.getMessage();
            }
            Throwable next = current.getCause();
            current = next == current ? null : next;
        }
        if (reason == null) {
            return "no reason given";
        }
        String stripped = reason.strip();
        for (Matcher prefix = CLASS_NAME.matcher(stripped); prefix.find(); prefix = CLASS_NAME.matcher(stripped)) {
            stripped = stripped.substring(prefix.end());
        }
        return stripped.isEmpty() ? "no reason given" : stripped;
    }
}
