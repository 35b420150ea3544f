package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

/** Statements go one at a time to the embedded H2 and in batches of 50 to PostgreSQL. */
class StatementBatchesTest {

    private final StatementBatches batches = new StatementBatches();

    @Test
    void h2RunsEachStatementOnItsOwn() {
        Dialect dialect = batches.resolveDialect(database("H2", "2.2.224 (2023-09-17)", 2, 2, "H2 JDBC Driver"));
        assertInstanceOf(H2Dialect.class, dialect);
        assertEquals(1, dialect.getDefaultStatementBatchSize());
    }

    @Test
    void postgreSqlBatchesFiftyStatements() {
        Dialect dialect = batches.resolveDialect(database("PostgreSQL", "15.8", 15, 8, "PostgreSQL JDBC Driver"));
        assertInstanceOf(PostgreSQLDialect.class, dialect);
        assertEquals(50, dialect.getDefaultStatementBatchSize());
    }

    @Test
    void anotherDatabaseIsLeftToHibernate() {
        assertNull(batches.resolveDialect(database("Oracle", "19.0", 19, 0, "Oracle JDBC driver")));
    }

    private static DialectResolutionInfo database(String name, String version, int major, int minor, String driver) {
        return new DialectResolutionInfo() {
            @Override
            public String getDatabaseName() {
                return name;
            }

            @Override
            public String getDatabaseVersion() {
                return version;
            }

            @Override
            public int getDatabaseMajorVersion() {
                return major;
            }

            @Override
            public int getDatabaseMinorVersion() {
                return minor;
            }

            @Override
            public String getDriverName() {
                return driver;
            }

            @Override
            public int getDriverMajorVersion() {
                return 42;
            }

            @Override
            public int getDriverMinorVersion() {
                return 7;
            }

            @Override
            public String getSQLKeywords() {
                return "";
            }
        };
    }
}
