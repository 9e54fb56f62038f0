package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioStoreTest {

    @TempDir
    Path temp;

    private StudioHome home() {
        return new StudioHome(temp.resolve("studio-home"));
    }

    private Path databaseFile() {
        return home().databaseFolder().resolve("studio.mv.db");
    }

    private List<String> query(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(StudioStore.jdbcUrl(home()));
             var rows = connection.createStatement().executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    @Test
    void createsTheDatabaseInTheDatabaseFolderWithMigratedTables() throws SQLException {
        Stores.open(home()).close();

        assertThat(databaseFile()).isRegularFile();
        assertThat(home().logsFolder()).isDirectory();
        assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
                .containsExactlyInAnyOrder("settings", "recent_projects", "flyway_schema_history", "token_ledger",
                        "playground_runs", "run_history", "agent_tasks", "agent_steps");
        assertThat(query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success"
                + " ORDER BY installed_rank"))
                .as("the shared migration, then H2's own, then the token ledger, playground runs and run history")
                .containsExactly("1", "1.1", "2", "3", "4", "5");
        assertThat(query("SELECT constraint_type FROM information_schema.table_constraints"
                + " WHERE table_name = 'recent_projects'")).contains("PRIMARY KEY");
    }

    @Test
    void reopeningAnUpToDateDatabaseKeepsItsSchemaHistory() throws SQLException {
        Stores.open(home()).close();
        Stores.open(home()).close();

        assertThat(query("SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL")).containsExactly("6");
    }

    @Test
    void settingsSurviveCloseAndReopen() {
        try (var store = Stores.open(home())) {
            store.settings().put("theme", "SerialSteel");
            store.settings().put("layout", "split=0.3");
            store.settings().remove("layout");
        }

        try (var store = Stores.open(home())) {
            assertThat(store.settings().get("theme")).contains("SerialSteel");
            assertThat(store.settings().get("layout")).isEmpty();
        }
    }

    @Test
    void recentProjectsSurviveCloseAndReopenInOrder() {
        var clock = new TestClock(RecentProjectsContract.START);
        List<RecentProject> before;
        try (var store = Stores.open(home(), clock)) {
            for (int i = 0; i < 12; i++) {
                clock.advance(Duration.ofSeconds(1));
                store.recentProjects().opened(temp.resolve("project-" + i));
            }
            clock.advance(Duration.ofSeconds(1));
            store.recentProjects().opened(temp.resolve("project-5"));
            before = store.recentProjects().list();
        }

        try (var store = Stores.open(home(), clock)) {
            assertThat(store.recentProjects().list()).isEqualTo(before).hasSize(RecentProjects.LIMIT);
            assertThat(before.getFirst().folder()).isEqualTo(temp.resolve("project-5"));
        }
    }

    @Test
    void secondOpeningWhileTheFirstIsOpenIsUnavailableAsInUse() {
        try (var first = Stores.open(home())) {
            first.settings().put("theme", "NeonCyberNight");

            var reason = Stores.reasonUnavailable(home());

            assertThat(reason).startsWith("Another CyberDevStudio is using " + databaseFile());
            assertThat(first.settings().get("theme")).as("the first store goes on").contains("NeonCyberNight");
        }

        try (var again = Stores.open(home())) {
            assertThat(again.settings().get("theme")).contains("NeonCyberNight");
        }
    }

    @Test
    void closedStoreRefusesWorkAndClosesOnlyOnce() {
        var store = Stores.open(home());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.settings().get("theme"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining(databaseFile().toString());
        assertThatThrownBy(() -> store.recentProjects().opened(temp))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot remember the recent project " + temp);
    }

    @Test
    void folderPathLongerThanTheColumnIsRefusedAndTheStoreGoesOn() {
        var deep = temp.resolve("d".repeat(5000));
        try (var store = Stores.open(home())) {
            store.recentProjects().opened(temp);

            assertThatThrownBy(() -> store.recentProjects().opened(deep))
                    .isInstanceOf(EngineException.class)
                    .hasMessageStartingWith("Cannot remember the recent project " + deep + " in the database "
                            + databaseFile());

            assertThat(store.recentProjects().list()).extracting(RecentProject::folder).containsExactly(temp);
        }
    }

    @Test
    void databaseOverwrittenWithGarbageIsUnavailableAsDamaged() throws IOException {
        try (var store = Stores.open(home())) {
            store.settings().put("theme", "SerialSteel");
        }
        var garbage = new byte[(int) Files.size(databaseFile())];
        new Random(42).nextBytes(garbage);
        Files.write(databaseFile(), garbage);

        var reason = Stores.reasonUnavailable(home());

        assertThat(reason).isEqualTo("The database " + databaseFile()
                + " is damaged; move it aside and restart to begin with a fresh one.");
        assertThat(Stores.reasonUnavailable(home())).as("a failed opening holds nothing").isEqualTo(reason);
    }

    @Test
    void truncatedDatabaseIsUnavailableAsDamaged() throws IOException {
        Stores.open(home()).close();
        Files.writeString(databaseFile(), "not a database");

        assertThat(Stores.reasonUnavailable(home())).contains(databaseFile().toString()).contains("is damaged");
    }

    @Test
    void fileInPlaceOfTheDatabaseFolderIsUnavailableNamingIt() throws IOException {
        Files.createDirectories(home().root());
        Files.writeString(home().databaseFolder(), "in the way");

        assertThat(Stores.reasonUnavailable(home()))
                .startsWith("Cannot create the folder " + home().databaseFolder())
                .contains("is a file, not a folder");
    }

    @Test
    void folderInPlaceOfTheDatabaseFileIsUnavailableNamingIt() throws IOException {
        Files.createDirectories(databaseFile());

        assertThat(Stores.reasonUnavailable(home()))
                .startsWith("Cannot read or write the database " + databaseFile());
    }

    @Test
    void databaseWithForeignTablesFailsMigrationAndIsUnavailable() throws SQLException {
        try (var connection = DriverManager.getConnection(StudioStore.jdbcUrl(home()))) {
            connection.createStatement().execute("CREATE TABLE settings (name VARCHAR(10))");
        }

        assertThat(Stores.reasonUnavailable(home()))
                .startsWith("The database " + databaseFile() + " could not be brought up to date: ")
                .doesNotContain("\n")
                .endsWith(".");
    }

    @Test
    void semicolonInTheFolderIsUnavailableRatherThanMisread() {
        var home = new StudioHome(temp.resolve("odd;name"));

        var opening = StudioStore.open(home);

        assertThat(opening).isEqualTo(new StoreOpening.Unavailable("The database "
                + home.databaseFolder().resolve("studio.mv.db") + " cannot be used: its path contains ';',"
                + " which H2 cannot open."));
        assertThat(home.root()).doesNotExist();
    }
}
