package org.ratatosk.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versioned migrations, {@code db/migration/V<n>__<name>.sql} in the WAR. The same
 * code migrates the server's datasource at deployment and the in-memory databases of the tests.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static MigrateResult apply(DataSource dataSource) {
        return apply(dataSource, LOCATION);
    }

    static MigrateResult apply(DataSource dataSource, String... locations) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                // Components number their migrations independently (messaging, keys, UEM, audit), so a
                // lower version may arrive after a higher one was applied; each touches its own tables.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
