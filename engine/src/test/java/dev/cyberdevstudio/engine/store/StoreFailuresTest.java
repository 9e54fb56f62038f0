package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

    private static final Path FILE = Path.of("/data/cyberdevstudio/database/studio.mv.db");

    private static SQLException h2(int code, String message, Throwable cause) {
        return new SQLException(message + " [" + code + "-252]", String.valueOf(code), code, cause);
    }

    @Test
    void readOnlyDatabaseAsksForWritePermission() {
        var readOnly = h2(ErrorCode.DATABASE_IS_READ_ONLY, "The database is read only", null);

        var reason = StoreFailures.describe(FILE, readOnly);

        assertThat(reason).isEqualTo("The database " + FILE + " is read-only; give your user permission to write it.");
    }

    @Test
    void unsupportedFileVersionCountsAsDamaged() {
        var reason = StoreFailures.describe(FILE, h2(ErrorCode.FILE_VERSION_ERROR_1, "Unsupported file version", null));

        assertThat(reason).isEqualTo(StoreFailures.damaged(FILE));
    }

    @Test
    void deniedAccessNamesTheFileThatWasDenied() {
        var denied = new AccessDeniedException(FILE.getParent().toString());

        var reason = StoreFailures.describe(FILE, h2(ErrorCode.IO_EXCEPTION_2, "IO Exception", denied));

        assertThat(reason).isEqualTo("Cannot read or write the database " + FILE + ": permission denied on "
                + FILE.getParent() + ".");
    }

    @Test
    void fileAmongTheParentsIsNamed() {
        var notFolder = new NotDirectoryException("/data/cyberdevstudio");

        var reason = StoreFailures.describe(FILE, h2(ErrorCode.IO_EXCEPTION_2, "IO Exception", notFolder));

        assertThat(reason).endsWith(": /data/cyberdevstudio is not a folder.");
    }

    @Test
    void endOfFileWhileReadingCountsAsDamaged() {
        var reading = new IllegalStateException("Reading failed", new EOFException());

        var reason = StoreFailures.describe(FILE, h2(ErrorCode.IO_EXCEPTION_1, "IO Exception", reading));

        assertThat(reason).isEqualTo(StoreFailures.damaged(FILE));
    }

    @Test
    void otherInputOutputFailuresGiveTheirCause() {
        var reason = StoreFailures.describe(FILE, h2(ErrorCode.FILE_CREATION_FAILED_1, "Error while creating file",
                new IOException("No space left on device")));

        assertThat(reason).isEqualTo("Cannot read or write the database " + FILE + ": No space left on device.");
    }

    @Test
    void unknownFailuresGiveTheFirstLineWithoutH2Codes() {
        var reason = StoreFailures.describe(FILE, h2(ErrorCode.GENERAL_ERROR_1, "General error: boom\n\tat somewhere",
                null));

        assertThat(reason).isEqualTo("The database " + FILE + " could not be opened: General error: boom.");
    }

    @Test
    void failedMigrationGivesFlywaysFirstLine() {
        var reason = StoreFailures.migrationFailed(FILE, new FlywayException("Migration V2__x.sql failed\nSQL State"));

        assertThat(reason).isEqualTo("The database " + FILE + " could not be brought up to date: Migration V2__x.sql"
                + " failed.");
    }

    @Test
    void briefCutsLongMessagesAndNamesMessagelessOnes() {
        assertThat(StoreFailures.brief(new IllegalStateException("x".repeat(500)))).hasSize(201).endsWith("x…");
        assertThat(StoreFailures.brief(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void unsupportedDatabaseIsNamed() {
        assertThat(StoreFailures.unsupported(FILE, "Oracle"))
                .isEqualTo("The database " + FILE + " is Oracle, which CyberDevStudio cannot use.");
    }

    @Test
    void vendorFolderFollowsTheProductName() {
        assertThat(Migrations.vendorFolder("H2")).contains("h2");
        assertThat(Migrations.vendorFolder("PostgreSQL")).contains("postgresql");
        assertThat(Migrations.vendorFolder("Oracle")).isEmpty();
    }

    @Test
    void everyVendorFolderCompletesTheSameStepsAfterTheSharedOnes() throws Exception {
        var common = migrations("common");
        var h2 = migrations("h2");

        assertThat(common).contains("V1__settings_and_recent_projects.sql");
        assertThat(h2).contains("V1_1__recent_projects_folder_key.sql").isEqualTo(migrations("postgresql"));
        assertThat(h2).allMatch(name -> name.matches("V\\d+_\\d+__.+\\.sql"));
    }

    private Set<String> migrations(String folder) throws Exception {
        var url = getClass().getClassLoader().getResource("db/migration/" + folder);
        assertThat(url).as(folder).isNotNull();
        try (var files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
