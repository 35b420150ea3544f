package org.ratatosk.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database of the JPA mapping tests: a migrated H2 database with EclipseLink, Payara's provider,
 * on top, opened before the test class and closed after it. Register it as a static field with
 * {@code @RegisterExtension}; each test class gets a database of its own.
 */
public final class MappingDatabase implements BeforeAllCallback, AfterAllCallback {

    private EntityManagerFactory factory;

    @Override
    public void beforeAll(ExtensionContext context) {
        factory = new MigratedDatabase().eclipseLink();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        factory.close();
    }

    /** Runs {@code work} in a transaction of its own on a new EntityManager, as a request would. */
    public void inTransaction(Consumer<EntityManager> work) {
        MigratedDatabase.inTransaction(factory, work);
    }
}
