package org.ratatosk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaHelper;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.ratatosk.testsupport.MigratedDatabase;

/**
 * The migrations build, from nothing, exactly the schema the entities map: every entity of the
 * persistence unit is checked, so a migration that misses a column of its entity fails here.
 */
class MigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CLASS = Pattern.compile("<class>([^<]+)</class>");

    @Test
    void everyMigrationAppliesOnceToAnEmptyDatabase() throws IOException {
        MigratedDatabase database = new MigratedDatabase();
        long files;
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            files = list.filter(p -> p.getFileName().toString().matches("V\\d+__\\w+\\.sql")).count();
        }
        assertTrue(files >= 1);
        MigrateResult again = Migrations.apply(database.dataSource());
        assertEquals(0, again.migrationsExecuted);
        assertEquals(String.valueOf(highestVersion()), again.initialSchemaVersion);
        assertEquals(files, countRows(database, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' AND \"success\""));
    }

    @Test
    void aLowerVersionArrivingLaterIsStillApplied() {
        MigratedDatabase database = new MigratedDatabase();
        MigrateResult late = Migrations.apply(database.dataSource(), Migrations.LOCATION, "classpath:db/late-migration");
        assertEquals(1, late.migrationsExecuted);
        assertEquals(0, countRows(database, "SELECT COUNT(*) FROM late_arrival"));
    }

    @Test
    void mappingTestCoversEveryEntityOfThePersistenceUnit() throws IOException {
        Set<String> production = classes(Path.of("src/main/resources/META-INF/persistence.xml"));
        Set<String> mapping = classes(Path.of("src/test/resources/META-INF/eclipselink-mapping.xml"));
        assertFalse(production.isEmpty());
        assertEquals(production, mapping);
    }

    @Test
    void everyMappedColumnExistsInTheMigratedSchema() throws SQLException {
        MigratedDatabase database = new MigratedDatabase();
        EntityManagerFactory factory = database.eclipseLink();
        try {
            List<String> missing = new ArrayList<>();
            try (Connection connection = database.dataSource().getConnection()) {
                for (ClassDescriptor descriptor : JpaHelper.getServerSession(factory).getDescriptors().values()) {
                    for (DatabaseField field : descriptor.getFields()) {
                        if (!columnExists(connection, field.getTableName(), field.getName())) {
                            missing.add(field.getTableName() + "." + field.getName()
                                    + " (" + descriptor.getJavaClass().getSimpleName() + ")");
                        }
                    }
                }
            }
            assertEquals(List.of(), missing, "columns the entities map but no migration creates");
            EntityManager em = factory.createEntityManager();
            try {
                for (ClassDescriptor descriptor : JpaHelper.getServerSession(factory).getDescriptors().values()) {
                    String entity = descriptor.getAlias();
                    long rows = countRows(database, "SELECT COUNT(*) FROM " + descriptor.getTableName());
                    assertEquals(rows, em.createQuery("SELECT e FROM " + entity + " e").getResultList().size(), entity);
                }
            } finally {
                em.close();
            }
        } finally {
            factory.close();
        }
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, null,
                table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT))) {
            return columns.next();
        }
    }

    private static int highestVersion() throws IOException {
        try (Stream<Path> list = Files.list(MIGRATIONS)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__\\w+\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
        }
    }

    private static long countRows(MigratedDatabase database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> classes(Path persistenceXml) throws IOException {
        Set<String> classes = new TreeSet<>();
        Matcher matcher = CLASS.matcher(Files.readString(persistenceXml));
        while (matcher.find()) {
            classes.add(matcher.group(1).trim());
        }
        return classes;
    }
}
