package org.ratatosk.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The bytes the database takes, as the gauge {@code hermod_database_size_bytes}, so that a benchmark
 * can tell how much one operation stores: the H2 file, or on PostgreSQL the tables, indexes and
 * TOAST of the application's schema. Beside it {@code hermod_database_written_bytes}, the bytes the
 * database has written (H2's store writes since it started, PostgreSQL's write-ahead log position): what
 * one operation costs the disk, which the size hides where pages are rewritten in place. Read when
 * scraped; NaN on another database.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSize {

    static final String GAUGE = "hermod_database_size_bytes";
    static final String WRITTEN = "hermod_database_written_bytes";

    private static final Logger LOG = Logger.getLogger(DatabaseSize.class.getName());
    private static final String POSTGRESQL = "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')";
    private static final String H2_WRITTEN = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'";
    /*
     * The write-ahead log's insert position, not pg_stat_wal: a backend reports its statistics only
     * every second or when idle, so the view lags the writes a benchmark or a scrape just made.
     */
    private static final String POSTGRESQL_WRITTEN = "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')";

    @Resource(lookup = SchemaMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    Metrics metrics;

    @PostConstruct
    void register() {
        metrics.gauge(GAUGE, "Bytes the database takes: the H2 file, or the PostgreSQL schema's tables and indexes.", this::bytes);
        metrics.gauge(WRITTEN, "Bytes the database wrote: H2's store writes since it started, or PostgreSQL's write-ahead log position.",
                this::written);
    }

    double written() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            String query = "H2".equals(product) ? H2_WRITTEN : "PostgreSQL".equals(product) ? POSTGRESQL_WRITTEN : null;
            if (query == null) {
                return Double.NaN;
            }
            try (ResultSet written = statement.executeQuery(query)) {
                return written.next() ? Double.parseDouble(written.getString(1)) : Double.NaN;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Database writes not readable", e);
            return Double.NaN;
        }
    }

    double bytes() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                try (ResultSet path = statement.executeQuery("CALL DATABASE_PATH()")) {
                    return path.next() && path.getString(1) != null ? Files.size(Path.of(path.getString(1) + ".mv.db")) : Double.NaN;
                }
            }
            if ("PostgreSQL".equals(product)) {
                try (ResultSet size = statement.executeQuery(POSTGRESQL)) {
                    return size.next() ? size.getLong(1) : Double.NaN;
                }
            }
            return Double.NaN;
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Database size not readable", e);
            return Double.NaN;
        }
    }
}
