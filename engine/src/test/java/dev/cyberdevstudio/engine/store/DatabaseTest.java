package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path temp;

    private Database database;

    @BeforeEach
    void openDatabase() throws SQLException {
        var connection = DriverManager.getConnection("jdbc:h2:file:" + temp.resolve("test"));
        connection.createStatement().execute("CREATE TABLE t (x INT PRIMARY KEY)");
        database = new Database(temp.resolve("test.mv.db"), connection);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static void insert(Connection connection, int x) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            statement.setInt(1, x);
            statement.executeUpdate();
        }
    }

    private int count() {
        return database.query("count", connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    @Test
    void failingStatementRollsBackTheWholeTransactionAndNamesTheFile() {
        assertThatThrownBy(() -> database.update("add two rows", connection -> {
            insert(connection, 1);
            insert(connection, 1);
        }))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot add two rows in the database " + temp.resolve("test.mv.db") + ": ")
                .hasCauseInstanceOf(SQLException.class)
                .message().doesNotContain("[23505-");

        assertThat(count()).isZero();
    }

    @Test
    void failingJavaCodeRollsBackTooAndPassesItsExceptionOn() {
        var failure = new IllegalStateException("bad data");

        assertThatThrownBy(() -> database.update("add a row", connection -> {
            insert(connection, 1);
            throw failure;
        })).isSameAs(failure);

        assertThat(count()).isZero();
    }

    @Test
    void committedWorkStays() {
        database.update("add a row", connection -> insert(connection, 7));

        assertThat(count()).isEqualTo(1);
    }
}
