package dev.cyberdevstudio.engine.store;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.playground.DatabasePlaygroundHistory;
import dev.cyberdevstudio.engine.playground.PlaygroundHistory;
import dev.cyberdevstudio.engine.agents.tasks.DatabaseTaskStore;
import dev.cyberdevstudio.engine.agents.tasks.TaskStore;
import dev.cyberdevstudio.engine.runs.DatabaseRunHistory;
import dev.cyberdevstudio.engine.runs.RunHistory;
import dev.cyberdevstudio.engine.usage.DatabaseTokenLedger;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's own database: an H2 file in {@link StudioHome#databaseFolder()}, migrated with Flyway on opening.
 *
 * <pre>{@code
 * switch (StudioStore.open(home)) {
 *     case StoreOpening.Opened(var store) -> {
 *         store.recentProjects().opened(folder);
 *         store.settings().put("theme", "NeonCyberNight");
 *         // ... store.close() when the studio exits
 *     }
 *     case StoreOpening.Unavailable(var reason) -> showWarning(reason); // go on with InMemorySettings & co.
 * }
 * }</pre>
 *
 * <p>Opening takes a moment (Flyway checks the schema): do it off the UI thread. The store and its settings and
 * recent projects are safe to use from several threads; each call is a transaction of its own.
 */
public final class StudioStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudioStore.class);

    static final String DATABASE_NAME = "studio";

    /**
     * WRITE_DELAY=0: with H2's default delay, commits were lost when the process was killed. The PostgreSQL mode
     * keeps the SQL we write close to what the server's PostgreSQL accepts. H2's own trace file is off: failures
     * reach us as exceptions and are logged once, through SLF4J.
     */
    private static final String URL_SETTINGS = ";WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
            + ";DEFAULT_NULL_ORDERING=HIGH;TRACE_LEVEL_FILE=0";

    /**
     * H2 lets every connection of one process share an open database, so its file lock only stops other processes;
     * this set stops a second store on the same file within this one.
     */
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Database database;
    private final Settings settings;
    private final RecentProjects recentProjects;
    private final TokenLedger tokenLedger;
    private final PlaygroundHistory playgroundHistory;
    private final RunHistory runHistory;
    private final DatabaseTaskStore taskStore;

    private StudioStore(Path file, Database database, DataSource dataSource, Clock clock) {
        this.file = file;
        this.database = database;
        this.settings = new DatabaseSettings(database, clock);
        this.recentProjects = new DatabaseRecentProjects(database, clock);
        this.tokenLedger = new DatabaseTokenLedger(database, clock, ZoneId.systemDefault());
        this.playgroundHistory = new DatabasePlaygroundHistory(database);
        // Runs are recorded from the threads that end them: their own short connections keep them off the shared one.
        this.runHistory = new DatabaseRunHistory(dataSource);
        this.taskStore = new DatabaseTaskStore(dataSource);
    }

    /**
     * Opens the database in {@code home}, creating the folders and the database when missing and bringing its
     * schema up to date.
     *
     * @return the open store, or why it is unavailable (damaged file, another studio using it, no permission,
     *         failed migration): never throws for those
     */
    public static StoreOpening open(StudioHome home) {
        return open(home, Clock.systemUTC());
    }

    static StoreOpening open(StudioHome home, Clock clock) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
        var file = databaseFile(home);
        if (!OPEN_FILES.add(file)) {
            return unavailable(StoreFailures.inUse(file), null);
        }
        var opening = connect(home, file, clock);
        if (!(opening instanceof StoreOpening.Opened)) {
            OPEN_FILES.remove(file);
        }
        return opening;
    }

    /** The H2 file that holds the store of {@code home}. */
    static Path databaseFile(StudioHome home) {
        return home.databaseFolder().resolve(DATABASE_NAME + ".mv.db");
    }

    /** The JDBC address of the store of {@code home}. */
    static String jdbcUrl(StudioHome home) {
        return "jdbc:h2:file:" + home.databaseFolder().resolve(DATABASE_NAME) + URL_SETTINGS;
    }

    private static StoreOpening connect(StudioHome home, Path file, Clock clock) {
        if (home.databaseFolder().toString().contains(";")) {
            return unavailable(StoreFailures.unusablePath(file), null);
        }
        try {
            home.ensureCreated();
        } catch (EngineException e) {
            return unavailable(e.getMessage(), e);
        }
        var dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl(home));
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            var metaData = connection.getMetaData();
            if (metaData.isReadOnly()) {
                connection.close();
                return unavailable(StoreFailures.readOnly(file), null);
            }
            var product = metaData.getDatabaseProductName();
            var vendor = Migrations.vendorFolder(product);
            if (vendor.isEmpty()) {
                connection.close();
                return unavailable(StoreFailures.unsupported(file, product), null);
            }
            Migrations.apply(dataSource, vendor.get());
            return new StoreOpening.Opened(new StudioStore(file, new Database(file, connection), dataSource, clock));
        } catch (SQLException e) {
            closeAfterFailure(connection, e);
            return unavailable(StoreFailures.describe(file, e), e);
        } catch (FlywayException e) {
            closeAfterFailure(connection, e);
            return unavailable(StoreFailures.migrationFailed(file, e), e);
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static StoreOpening unavailable(String reason, Exception cause) {
        LOG.warn("The store is unavailable: {}", reason, cause);
        return new StoreOpening.Unavailable(reason);
    }

    /** The studio's settings, kept in this store. */
    public Settings settings() {
        return settings;
    }

    /** The project folders opened lately, kept in this store. */
    public RecentProjects recentProjects() {
        return recentProjects;
    }

    /** Every inference request's tokens and timings, kept in this store. */
    public TokenLedger tokenLedger() {
        return tokenLedger;
    }

    /** The LLM playground's runs, kept in this store. */
    public PlaygroundHistory playgroundHistory() {
        return playgroundHistory;
    }

    /** The runs of the execution view, kept in this store. */
    public RunHistory runHistory() {
        return runHistory;
    }

    /** The agents' tasks and steps, kept in this store (written behind, in batches). */
    public TaskStore taskStore() {
        return taskStore;
    }

    /**
     * Closes the database; later calls on this store's settings and recent projects throw
     * {@link EngineException}. Closing twice does nothing.
     */
    @Override
    public void close() {
        try {
            taskStore.close();
            database.close();
        } finally {
            OPEN_FILES.remove(file);
        }
    }
}
