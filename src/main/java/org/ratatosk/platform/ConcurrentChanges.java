package org.ratatosk.platform;

import java.util.function.Supplier;

/**
 * Create-or-replace under a caller-chosen id: two requests that both find no row both insert, and
 * the one that commits second loses on the primary key. Run again, it finds the row and replaces
 * it, as if it had come a moment later. Call from outside any transaction, so that each attempt
 * runs in one of its own.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    public static <T> T retryOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!ErrorMapper.concurrentChange(e)) {
                throw e;
            }
            return work.get();
        }
    }
}
