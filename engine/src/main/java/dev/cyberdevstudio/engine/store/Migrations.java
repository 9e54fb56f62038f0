package dev.cyberdevstudio.engine.store;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway: the shared scripts in {@code db/migration/common} plus those in the
 * database vendor's folder ({@code db/migration/h2}, {@code db/migration/postgresql}).
 *
 * <p>Versions are one sequence across the folders: a step's shared script is {@code V<n>__…} and the vendor
 * scripts that complete it are {@code V<n>_1__…} and up, present in every vendor folder.
 */
final class Migrations {

    private static final String ROOT = "classpath:db/migration/";

    private Migrations() {
    }

    /** The vendor folder for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}, if the studio knows it. */
    static Optional<String> vendorFolder(String productName) {
        return switch (productName) {
            case "H2" -> Optional.of("h2");
            case "PostgreSQL" -> Optional.of("postgresql");
            default -> Optional.empty();
        };
    }

    /**
     * Applies the migrations the database lacks.
     *
     * @throws org.flywaydb.core.api.FlywayException when a script fails or the schema history does not match
     */
    static void apply(DataSource dataSource, String vendorFolder) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(ROOT + "common", ROOT + vendorFolder)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .loggers("slf4j")
                .load()
                .migrate();
    }
}
