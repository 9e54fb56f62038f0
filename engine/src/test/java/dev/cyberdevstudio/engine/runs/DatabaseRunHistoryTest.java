package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history in the studio's own H2 database, migrated by {@link StudioStore} (which proves V4 applies with the
 * other migrations), through a data source on the same database as the desktop will give it.
 */
class DatabaseRunHistoryTest extends RunHistoryContract {

    /** The settings {@code StudioStore} opens its database with; a second connection must use the same. */
    static final String URL_SETTINGS = ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=0";

    @TempDir
    static Path data;

    private static StudioStore store;
    private static JdbcDataSource dataSource;

    @BeforeAll
    static void openStore() {
        var home = new StudioHome(data);
        store = ((StoreOpening.Opened) StudioStore.open(home)).store();
        dataSource = dataSource(home);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void forgetEverything() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM run_history");
        }
    }

    @Override
    protected RunHistory history() {
        return new DatabaseRunHistory(dataSource);
    }

    @Override
    protected RunHistory keeping(int limit) {
        return new DatabaseRunHistory(dataSource, limit);
    }

    @Test
    void skipsARowWhoseRequestItCannotRead() throws SQLException {
        history().record(run("good", T0, new RunOutcome.Exited(0)));
        history().record(run("bad", T0.plusSeconds(1), new RunOutcome.Exited(0)));
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE run_history SET request_json = '{\"kind\":\"QUANTUM\"}'"
                    + " WHERE run_id = 'bad'");
        }

        assertThat(history().recent(10)).extracting(RunRecord::id).containsExactly("good");
        assertThat(history().find("bad")).isEmpty();
    }

    @Test
    void cutsDescriptionsLongerThanTheColumn() {
        var run = run("long", T0, new RunOutcome.Failed("x".repeat(5000)));
        var longer = new RunRecord(run.id(), run.request(), "d".repeat(5000), run.isolation(), run.startedAt(),
                run.result(), run.outputExcerpt());

        history().record(longer);

        var kept = history().find("long").orElseThrow();
        assertThat(kept.description()).hasSize(4096).endsWith("…");
        assertThat(kept.result().outcome().describe()).hasSize(4096);
    }

    @Test
    void aDatabaseThatFailsIsReportedAsAnEngineException() {
        var broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:no-migrations-" + System.nanoTime());
        var history = new DatabaseRunHistory(broken);

        assertThatThrownBy(() -> history.recent(5)).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot list the recent runs in the run history: ");
        assertThatThrownBy(() -> history.record(run("x", T0, new RunOutcome.Exited(0))))
                .isInstanceOf(EngineException.class).hasMessageContaining("Cannot record the run make x");
    }

    static JdbcDataSource dataSource(StudioHome home) {
        var source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + home.databaseFolder().resolve("studio") + URL_SETTINGS);
        return source;
    }
}
