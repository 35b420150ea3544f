package org.ratatosk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The store of an H2 database running in this process, reached through a connection to it: the
 * only way to its chunk housekeeping while H2's background writer is off. Loaded only once the
 * connection is known to be H2's.
 */
final class EmbeddedStore {

    /** Below this share of live bytes in its chunks the store is compacted, as H2's own housekeeping does under load. */
    static final int TARGET_FILL_RATE = 50;
    /** The live bytes one pass rewrites at most, so that a commit never waits long for it. */
    static final int WRITE_LIMIT = 4 << 20;

    /** What one pass found and did. */
    record Pass(boolean rewrote, int chunksFillRateBefore, int fileFillRate) {
    }

    private final MVStore store;

    private EmbeddedStore(MVStore store) {
        this.store = store;
    }

    /** The store behind {@code connection}; empty when H2 runs in another process. */
    static Optional<EmbeddedStore> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() ? Optional.empty() : Optional.of(new EmbeddedStore(store));
    }

    /** Rewrites the live pages of the emptiest chunks when too little of the chunks is live. */
    Pass compact() {
        if (store.isClosed()) {
            return new Pass(false, 100, 100);
        }
        int before = store.getFileStore().getChunksFillRate();
        boolean rewrote = store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        return new Pass(rewrote, before, store.getFillRate());
    }
}
