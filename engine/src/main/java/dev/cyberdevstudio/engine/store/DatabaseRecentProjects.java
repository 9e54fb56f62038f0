package dev.cyberdevstudio.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Recent projects in the {@code recent_projects} table. */
final class DatabaseRecentProjects implements RecentProjects {

    private final Database database;
    private final Clock clock;

    DatabaseRecentProjects(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<RecentProject> list() {
        return database.query("list the recent projects", connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT folder, last_opened FROM recent_projects ORDER BY last_opened DESC FETCH FIRST "
                            + LIMIT + " ROWS ONLY");
                 var rows = select.executeQuery()) {
                var projects = new ArrayList<RecentProject>();
                while (rows.next()) {
                    projects.add(new RecentProject(Path.of(rows.getString(1)),
                            rows.getObject(2, OffsetDateTime.class).toInstant()));
                }
                return List.copyOf(projects);
            }
        });
    }

    @Override
    public void opened(Path folder) {
        var normalized = RecentOrder.normalize(folder);
        database.update("remember the recent project " + normalized, connection -> {
            var when = OffsetDateTime.ofInstant(RecentOrder.nextOpening(clock.instant(), latest(connection)),
                    ZoneOffset.UTC);
            try (var update = connection.prepareStatement(
                    "UPDATE recent_projects SET last_opened = ? WHERE folder = ?")) {
                update.setObject(1, when);
                update.setString(2, normalized.toString());
                if (update.executeUpdate() == 0) {
                    try (var insert = connection.prepareStatement(
                            "INSERT INTO recent_projects (folder, last_opened) VALUES (?, ?)")) {
                        insert.setString(1, normalized.toString());
                        insert.setObject(2, when);
                        insert.executeUpdate();
                    }
                }
            }
            try (var forget = connection.prepareStatement(
                    "DELETE FROM recent_projects WHERE last_opened < (SELECT last_opened FROM recent_projects"
                            + " ORDER BY last_opened DESC OFFSET " + (LIMIT - 1) + " ROWS FETCH NEXT 1 ROWS ONLY)")) {
                forget.executeUpdate();
            }
        });
    }

    @Override
    public void remove(Path folder) {
        var normalized = RecentOrder.normalize(folder);
        database.update("forget the recent project " + normalized, connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM recent_projects WHERE folder = ?")) {
                delete.setString(1, normalized.toString());
                delete.executeUpdate();
            }
        });
    }

    private static Optional<Instant> latest(Connection connection) throws SQLException {
        try (var select = connection.prepareStatement("SELECT MAX(last_opened) FROM recent_projects");
             var rows = select.executeQuery()) {
            rows.next();
            return Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        }
    }
}
