package org.ratatosk.platform;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Hibernate's dialect (WildFly) with the statement batches that suit the database. PostgreSQL
 * batches up to {@value #POSTGRESQL_BATCH} statements, as a backlog of expiries writes hundreds of
 * rows and each batch saves round trips. H2 in the server's own process has no round trip to save,
 * and builds an exception with the whole stack of the request for every batch it runs, so its
 * statements go one at a time. Named in {@code persistence.xml}; EclipseLink (Payara) does not read it.
 */
public class StatementBatches implements DialectResolver {

    static final int POSTGRESQL_BATCH = 50;

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return switch (String.valueOf(info.getDatabaseName())) {
            case "H2" -> new UnbatchedH2(info);
            case "PostgreSQL" -> new BatchedPostgreSQL(info);
            default -> null;
        };
    }

    /** H2's dialect without statement batches. */
    public static class UnbatchedH2 extends H2Dialect {

        public UnbatchedH2(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public int getDefaultStatementBatchSize() {
            return 1;
        }
    }

    /** PostgreSQL's dialect with batches of {@value #POSTGRESQL_BATCH} statements. */
    public static class BatchedPostgreSQL extends PostgreSQLDialect {

        public BatchedPostgreSQL(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public int getDefaultStatementBatchSize() {
            return POSTGRESQL_BATCH;
        }
    }
}
