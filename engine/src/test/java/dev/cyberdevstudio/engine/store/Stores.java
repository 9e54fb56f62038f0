package dev.cyberdevstudio.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.home.StudioHome;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;

/** Opening stores in tests, where anything but {@link StoreOpening.Opened} is a failure. */
final class Stores {

    private Stores() {
    }

    static StudioStore open(StudioHome home, Clock clock) {
        var opening = StudioStore.open(home, clock);
        assertThat(opening).isInstanceOf(StoreOpening.Opened.class);
        return ((StoreOpening.Opened) opening).store();
    }

    static StudioStore open(StudioHome home) {
        return open(home, Clock.systemUTC());
    }

    static String reasonUnavailable(StudioHome home) {
        var opening = StudioStore.open(home);
        if (opening instanceof StoreOpening.Opened(var store)) {
            store.close();
        }
        assertThat(opening).isInstanceOf(StoreOpening.Unavailable.class);
        return ((StoreOpening.Unavailable) opening).reason();
    }

    /** Empties a table of an open store, through a connection of its own to the same database. */
    static void empty(StudioHome home, String table) {
        try (var connection = DriverManager.getConnection(StudioStore.jdbcUrl(home));
             var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table);
        } catch (SQLException e) {
            throw new AssertionError("cannot empty " + table, e);
        }
    }
}
