package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 file from growing without end. Every commit is written before it is
 * answered (WRITE_DELAY=0), and that setting also stops H2's background writer, which is what
 * rewrites the chunks that hold only a few live pages. Without it each commit's chunk stays in the
 * file for good, pinned by the pages in it that nothing changes again, and the file grew by about
 * 110 KB per provisioning. Every {@code PERIOD} this does that housekeeping instead: the live pages
 * of the emptiest chunks are written again with the next commit, the old chunks die, and H2 reuses
 * their space once its retention time has passed. Nothing on another database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EmbeddedStoreHousekeeping {

    static final Duration PERIOD = Duration.ofMillis(200);

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreHousekeeping.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> passes;
    /** Whether the last pass failed: a failure that lasts is logged once, not five times a second. */
    private volatile boolean failing;

    @PostConstruct
    void start() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            if (EmbeddedStore.of(connection).isEmpty()) {
                LOG.info("H2 is not embedded in this process; its own server keeps its file");
                return;
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // Payara's pool, for one, hands out no H2 class through unwrap.
            LOG.info("This server's connections do not reach the embedded H2 store (" + e
                    + "); its file is compacted only when it closes");
            return;
        }
        passes = executor.scheduleWithFixedDelay(this::pass, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Embedded H2: its chunks are compacted every " + PERIOD.toMillis() + " ms");
    }

    void pass() {
        try (Connection connection = dataSource.getConnection()) {
            EmbeddedStore.of(connection).ifPresent(store -> {
                EmbeddedStore.Pass pass = store.compact();
                if (pass.rewrote()) {
                    LOG.fine(() -> "Embedded H2 compacted: chunks " + pass.chunksFillRateBefore() + "% live before, file "
                            + pass.fileFillRate() + "% used");
                }
            });
            if (failing) {
                failing = false;
                LOG.info("Embedded H2 housekeeping works again");
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            LOG.log(failing ? Level.FINE : Level.WARNING, "Embedded H2 housekeeping failed; the next pass tries again", e);
            failing = true;
        }
    }

    @PreDestroy
    void stop() {
        if (passes != null) {
            passes.cancel(false);
        }
    }
}
