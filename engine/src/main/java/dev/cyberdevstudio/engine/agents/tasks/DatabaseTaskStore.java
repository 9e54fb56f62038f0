package dev.cyberdevstudio.engine.agents.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.EngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks and steps in the {@code agent_tasks} and {@code agent_steps} tables (migration {@code V5__agent_tasks.sql}).
 *
 * <p>Saves are written behind: they queue in memory and one writer thread stores them in batches, one transaction
 * per batch, keeping only the newest state of a task within a batch. The orchestrator's threads never wait for the
 * disk, and thousands of tasks a second fit through. Reads {@link #flush()} first, so they see every save made
 * before them. A crash can lose the saves of the last few milliseconds; {@link #abandonUnfinished} then marks what
 * was left running when the studio starts again.
 */
public final class DatabaseTaskStore implements TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTaskStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 4096;
    private static final long LINGER_NANOS = 5_000_000;
    private static final String TASK_COLUMNS = "agent, goal, project, priority, state, attempt, max_retries,"
        + " depends_on, parameters_json, summary, error_text, warnings_json, tokens, created_at, started_at,"
        + " finished_at";

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition written = lock.newCondition();
    private Map<TaskId, TaskStatus> pendingTasks = new LinkedHashMap<>();
    private List<TaskStep> pendingSteps = new ArrayList<>();
    private long queued;
    private long stored;
    private final Set<TaskId> inserted = new HashSet<>();
    private Thread writer;
    private boolean closed;

    public DatabaseTaskStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void save(TaskStatus task) {
        enqueue(() -> pendingTasks.put(task.id(), task));
    }

    @Override
    public void save(TaskStep step) {
        enqueue(() -> pendingSteps.add(step));
    }

    private void enqueue(Runnable add) {
        lock.lock();
        try {
            if (closed) {
                throw new EngineException("The task store is closed");
            }
            add.run();
            queued++;
            if (writer == null) {
                writer = Thread.ofVirtual().name("task-store-writer").start(this::writeBehind);
            }
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void writeBehind() {
        while (true) {
            Map<TaskId, TaskStatus> tasks;
            List<TaskStep> steps;
            long upTo;
            lock.lock();
            try {
                while (queued == stored && !closed) {
                    work.awaitUninterruptibly();
                }
                if (queued == stored) {
                    return;
                }
                // Group commit: every commit waits for the disk, so let a short burst gather into one batch.
                long lingerUntil = System.nanoTime() + LINGER_NANOS;
                while (!closed && pendingTasks.size() + pendingSteps.size() < BATCH
                    && System.nanoTime() < lingerUntil) {
                    try {
                        work.awaitNanos(lingerUntil - System.nanoTime());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                tasks = pendingTasks;
                steps = pendingSteps;
                pendingTasks = new LinkedHashMap<>();
                pendingSteps = new ArrayList<>();
                upTo = queued;
            } finally {
                lock.unlock();
            }
            try {
                write(tasks, steps);
            } catch (SQLException | RuntimeException failure) {
                LOG.error("Could not store {} task changes and {} steps", tasks.size(), steps.size(), failure);
            }
            lock.lock();
            try {
                stored = upTo;
                written.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void write(Map<TaskId, TaskStatus> tasks, List<TaskStep> steps) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var inserts = new ArrayList<TaskStatus>();
                var updates = new ArrayList<TaskStatus>();
                for (var task : tasks.values()) {
                    (inserted.contains(task.id()) ? updates : inserts).add(task);
                }
                batch(connection, "INSERT INTO agent_tasks (" + TASK_COLUMNS + ", task_id) VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
                batch(connection, "UPDATE agent_tasks SET " + TASK_COLUMNS.replace(",", " = ?,") + " = ?"
                    + " WHERE task_id = ?", updates);
                try (var insert = connection.prepareStatement("INSERT INTO agent_steps (task_id, step_index,"
                    + " attempt, kind, tool, arguments, result, millis, tokens, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)")) {
                    for (var step : steps) {
                        insert.setString(1, step.task().value());
                        insert.setInt(2, step.index());
                        insert.setInt(3, step.attempt());
                        insert.setString(4, step.kind());
                        insert.setString(5, step.tool());
                        insert.setString(6, step.arguments());
                        insert.setString(7, step.result());
                        insert.setLong(8, step.millis());
                        insert.setLong(9, step.tokens());
                        insert.setObject(10, utc(step.at()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                inserts.forEach(task -> inserted.add(task.id()));
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            }
        }
    }

    private static void batch(Connection connection, String sql, List<TaskStatus> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(sql)) {
            for (var task : tasks) {
                bind(statement, task);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, TaskStatus task) throws SQLException {
        var request = task.request();
        statement.setString(1, request.agent());
        statement.setString(2, request.goal());
        statement.setString(3, request.project());
        statement.setString(4, request.priority().name());
        statement.setString(5, task.state().name());
        statement.setInt(6, task.attempt());
        statement.setInt(7, request.maxRetries());
        statement.setString(8, String.join(",", request.dependsOn().stream().map(TaskId::value).toList()));
        statement.setString(9, json(request.parameters()));
        statement.setString(10, task.summary());
        statement.setString(11, task.error());
        statement.setString(12, json(task.warnings()));
        statement.setLong(13, task.tokens());
        statement.setObject(14, utc(task.createdAt()));
        setTime(statement, 15, task.startedAt());
        setTime(statement, 16, task.finishedAt());
        statement.setString(17, task.id().value());
    }

    private static void setTime(PreparedStatement statement, int index, Optional<Instant> time) throws SQLException {
        if (time.isPresent()) {
            statement.setObject(index, utc(time.get()));
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new EngineException("Could not write " + value + " as JSON", impossible);
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            long target = queued;
            while (stored < target) {
                written.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<TaskStatus> find(TaskId id) {
        var found = query("SELECT " + TASK_COLUMNS + ", task_id FROM agent_tasks WHERE task_id = ?",
            statement -> statement.setString(1, id.value()));
        return found.stream().findFirst();
    }

    @Override
    public List<TaskStatus> list(Optional<TaskState> state, int limit) {
        var where = state.isPresent() ? " WHERE state = ?" : "";
        return query("SELECT " + TASK_COLUMNS + ", task_id FROM agent_tasks" + where
            + " ORDER BY seq DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY", statement -> {
                if (state.isPresent()) {
                    statement.setString(1, state.get().name());
                }
            });
    }

    @Override
    public List<TaskStep> steps(TaskId id) {
        flush();
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("SELECT step_index, attempt, kind, tool, arguments, result,"
                 + " millis, tokens, at FROM agent_steps WHERE task_id = ? ORDER BY step_index")) {
            select.setString(1, id.value());
            var steps = new ArrayList<TaskStep>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.add(new TaskStep(id, rows.getInt(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8),
                        rows.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            return steps;
        } catch (SQLException failure) {
            throw new EngineException("Could not read the steps of task " + id + ": " + failure.getMessage(),
                failure);
        }
    }

    @Override
    public int abandonUnfinished(String reason) {
        flush();
        try (var connection = dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE agent_tasks SET state = 'FAILED', error_text = ?"
                 + " WHERE state IN ('QUEUED', 'WAITING', 'RUNNING')")) {
            update.setString(1, reason);
            return update.executeUpdate();
        } catch (SQLException failure) {
            throw new EngineException("Could not mark unfinished tasks: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            work.signalAll();
            running = writer;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<TaskStatus> query(String sql, Binder binder) {
        flush();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(sql)) {
            binder.bind(select);
            var tasks = new ArrayList<TaskStatus>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    tasks.add(read(rows));
                }
            }
            return tasks;
        } catch (SQLException failure) {
            throw new EngineException("Could not read the agent tasks: " + failure.getMessage(), failure);
        }
    }

    private static TaskStatus read(ResultSet rows) throws SQLException {
        var dependsOn = rows.getString(8).isEmpty() ? List.<TaskId>of()
            : Arrays.stream(rows.getString(8).split(",")).map(TaskId::new).toList();
        Map<String, String> parameters;
        List<String> warnings;
        try {
            parameters = JSON.readValue(rows.getString(9), new TypeReference<>() { });
            warnings = JSON.readValue(rows.getString(12), new TypeReference<>() { });
        } catch (JsonProcessingException unreadable) {
            throw new SQLException("Unreadable JSON in agent_tasks: " + unreadable.getOriginalMessage(), unreadable);
        }
        var request = new TaskRequest(rows.getString(1), rows.getString(2), rows.getString(3),
            Priority.valueOf(rows.getString(4)), dependsOn, rows.getInt(7), parameters);
        return new TaskStatus(new TaskId(rows.getString(17)), request, TaskState.valueOf(rows.getString(5)),
            rows.getInt(6), instant(rows, 14).orElseThrow(), instant(rows, 15), instant(rows, 16),
            rows.getString(10), rows.getString(11), rows.getLong(13), warnings);
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
