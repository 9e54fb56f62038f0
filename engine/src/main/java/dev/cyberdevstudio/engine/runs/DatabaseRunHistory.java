package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run history in the {@code run_history} table (migration {@code V4__run_history.sql}).
 *
 * <pre>{@code
 * RunHistory history = new DatabaseRunHistory(dataSource); // a data source on the studio's migrated database
 * }</pre>
 *
 * Each call borrows a connection from the data source for one transaction. A row whose stored request this studio
 * cannot read (written by a newer studio) is skipped with a warning rather than failing the whole list.
 */
public final class DatabaseRunHistory implements RunHistory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRunHistory.class);

    private static final String COLUMNS = "run_id, engine_kind, description, working_folder, request_json,"
            + " isolation_level, isolation_summary, outcome_kind, outcome_detail, outcome_text, exit_code, wall_ms,"
            + " peak_memory_bytes, output_truncated, started_at, output_excerpt";

    private static final int SHORT_TEXT = 4096;
    private static final int SUMMARY_TEXT = 1024;

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final int limit;

    public DatabaseRunHistory(DataSource dataSource) {
        this(dataSource, LIMIT);
    }

    DatabaseRunHistory(DataSource dataSource, int limit) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.limit = limit;
    }

    @Override
    public void record(RunRecord run) {
        inTransaction("record the run " + run.description(), connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM run_history WHERE run_id = ?")) {
                delete.setString(1, run.id());
                delete.executeUpdate();
            }
            try (var insert = connection.prepareStatement("INSERT INTO run_history (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, run);
                insert.executeUpdate();
            }
            try (var forget = connection.prepareStatement("DELETE FROM run_history WHERE seq <= (SELECT seq FROM"
                    + " run_history ORDER BY seq DESC OFFSET " + limit + " ROWS FETCH NEXT 1 ROWS ONLY)")) {
                forget.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<RunRecord> recent(int count) {
        if (count <= 0) {
            return List.of();
        }
        return inTransaction("list the recent runs", connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS + " FROM run_history"
                    + " ORDER BY started_at DESC, seq DESC FETCH FIRST " + Math.min(count, limit) + " ROWS ONLY");
                 var rows = select.executeQuery()) {
                var runs = new ArrayList<RunRecord>();
                while (rows.next()) {
                    read(rows).ifPresent(runs::add);
                }
                return List.copyOf(runs);
            }
        });
    }

    @Override
    public Optional<RunRecord> find(String id) {
        return inTransaction("find the run " + id, connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS + " FROM run_history WHERE run_id = ?")) {
                select.setString(1, id);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? read(rows) : Optional.<RunRecord>empty();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, RunRecord run) throws SQLException {
        var outcome = run.result().outcome();
        insert.setString(1, run.id());
        insert.setString(2, run.request().kind().name());
        insert.setString(3, cut(run.description(), SHORT_TEXT));
        insert.setString(4, run.request().localFolder().map(folder -> cut(folder.toString(), SHORT_TEXT))
                .orElse(null));
        insert.setString(5, RunRequestCodec.write(run.request()));
        insert.setString(6, run.isolation().level().name());
        insert.setString(7, cut(run.isolation().summary(), SUMMARY_TEXT));
        insert.setString(8, outcomeKind(outcome));
        insert.setString(9, cut(outcomeDetail(outcome), SHORT_TEXT));
        insert.setString(10, cut(outcome.describe(), SHORT_TEXT));
        if (run.exitCode().isPresent()) {
            insert.setInt(11, run.exitCode().getAsInt());
        } else {
            insert.setNull(11, Types.INTEGER);
        }
        insert.setLong(12, run.result().wallTime().toMillis());
        if (run.result().peakMemoryBytes().isPresent()) {
            insert.setLong(13, run.result().peakMemoryBytes().getAsLong());
        } else {
            insert.setNull(13, Types.BIGINT);
        }
        insert.setBoolean(14, run.result().outputTruncated());
        insert.setObject(15, OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
        insert.setString(16, run.outputExcerpt());
    }

    private static Optional<RunRecord> read(ResultSet rows) throws SQLException {
        var id = rows.getString("run_id");
        var request = RunRequestCodec.read(rows.getString("request_json"));
        if (request.isEmpty()) {
            LOG.warn("Skipping run {} in the history: its stored request cannot be read", id);
            return Optional.empty();
        }
        var peak = rows.getLong("peak_memory_bytes");
        var peakMemory = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(peak);
        var result = new RunResult(outcome(rows), Duration.ofMillis(rows.getLong("wall_ms")), peakMemory,
                rows.getBoolean("output_truncated"));
        var isolation = new Isolation(Isolation.Level.valueOf(rows.getString("isolation_level")),
                rows.getString("isolation_summary"));
        return Optional.of(new RunRecord(id, request.get(), rows.getString("description"), isolation,
                rows.getObject("started_at", OffsetDateTime.class).toInstant(), result,
                rows.getString("output_excerpt")));
    }

    private static String outcomeKind(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Exited exited -> "EXITED";
            case RunOutcome.Killed killed -> "KILLED";
            case RunOutcome.TimedOut timedOut -> "TIMED_OUT";
            case RunOutcome.LimitExceeded exceeded -> "LIMIT_EXCEEDED";
            case RunOutcome.Failed failed -> "FAILED";
        };
    }

    private static String outcomeDetail(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Exited(int code) -> Integer.toString(code);
            case RunOutcome.Killed(String reason) -> reason;
            case RunOutcome.TimedOut(Duration limit) -> Long.toString(limit.toMillis());
            case RunOutcome.LimitExceeded(String limit) -> limit;
            case RunOutcome.Failed(String message) -> message;
        };
    }

    private static RunOutcome outcome(ResultSet rows) throws SQLException {
        var detail = rows.getString("outcome_detail");
        return switch (rows.getString("outcome_kind")) {
            case "EXITED" -> new RunOutcome.Exited(rows.getInt("exit_code"));
            case "KILLED" -> new RunOutcome.Killed(detail);
            case "TIMED_OUT" -> new RunOutcome.TimedOut(Duration.ofMillis(parseLong(detail)));
            case "LIMIT_EXCEEDED" -> new RunOutcome.LimitExceeded(detail);
            default -> new RunOutcome.Failed(rows.getString("outcome_text"));
        };
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private <T> T inTransaction(String action, Work<T> work) {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EngineException("Cannot " + action + " in the run history: " + brief(e), e);
        }
    }

    private static String brief(SQLException e) {
        var message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()).strip();
        return message.lines().findFirst().orElse(message);
    }
}
