package org.ratatosk.platform;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with every migration applied, and EclipseLink on top of it. */
public final class MigratedDatabase {

    final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    final JdbcDataSource dataSource = new JdbcDataSource();

    public MigratedDatabase() {
        dataSource.setURL(url);
        Migrations.apply(dataSource);
    }

    public JdbcDataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory eclipseLink() {
        return Persistence.createEntityManagerFactory("mapping", Map.of(
                "eclipselink.persistencexml", "META-INF/eclipselink-mapping.xml",
                "jakarta.persistence.jdbc.url", url));
    }
}
