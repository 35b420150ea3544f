package org.ratatosk.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcDataSource;
import org.ratatosk.platform.Migrations;

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

    /** Runs {@code work} in a transaction of its own on a new EntityManager, as a request would. */
    public static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    public EntityManagerFactory eclipseLink() {
        return Persistence.createEntityManagerFactory("mapping", Map.of(
                "eclipselink.persistencexml", "META-INF/eclipselink-mapping.xml",
                "jakarta.persistence.jdbc.url", url));
    }
}
