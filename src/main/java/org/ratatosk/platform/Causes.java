package org.ratatosk.platform;

import java.util.Optional;
import java.util.function.Predicate;

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
}
