package dev.cyberdevstudio.engine.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.store.Database;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.SamplingParameters;
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

/** Playground runs in the {@code playground_runs} table (migration V3). */
public final class DatabasePlaygroundHistory implements PlaygroundHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, started_at, model, system_prompt, user_prompt, temperature, top_k,"
            + " top_p, min_p, repeat_penalty, seed, max_tokens, stop_strings, output, prompt_tokens, generated_tokens,"
            + " time_to_first_token_ns, total_ns, tokens_per_second, outcome, error_message";

    private static final String NEWEST_FIRST = " ORDER BY started_at DESC, id DESC";

    private final Database database;

    public DatabasePlaygroundHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public StoredRun save(PlaygroundRun run) {
        var kept = RunTexts.clip(run);
        var stop = json(kept.sampling().stop());
        return database.query("save the playground run on " + kept.model(), connection -> {
            long id;
            try (var insert = connection.prepareStatement("INSERT INTO playground_runs ("
                    + COLUMNS.substring("id, ".length())
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                var sampling = kept.sampling();
                insert.setObject(1, OffsetDateTime.ofInstant(kept.startedAt(), ZoneOffset.UTC));
                insert.setString(2, kept.model());
                insert.setString(3, kept.systemPrompt());
                insert.setString(4, kept.userPrompt());
                insert.setDouble(5, sampling.temperature());
                insert.setInt(6, sampling.topK());
                insert.setDouble(7, sampling.topP());
                insert.setDouble(8, sampling.minP());
                insert.setDouble(9, sampling.repeatPenalty());
                if (sampling.seed().isPresent()) {
                    insert.setLong(10, sampling.seed().getAsLong());
                } else {
                    insert.setNull(10, Types.BIGINT);
                }
                insert.setInt(11, sampling.maxTokens());
                insert.setString(12, stop);
                insert.setString(13, kept.output());
                insert.setInt(14, kept.promptTokens());
                insert.setInt(15, kept.generatedTokens());
                insert.setLong(16, RunTexts.nanos(kept.timeToFirstToken()));
                insert.setLong(17, RunTexts.nanos(kept.total()));
                insert.setDouble(18, kept.tokensPerSecond());
                insert.setString(19, kept.outcome().name());
                insert.setString(20, kept.error().orElse(null));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (var forget = connection.prepareStatement("DELETE FROM playground_runs WHERE id NOT IN (SELECT id"
                    + " FROM playground_runs" + NEWEST_FIRST + " FETCH FIRST " + LIMIT + " ROWS ONLY)")) {
                forget.executeUpdate();
            }
            return new StoredRun(id, kept);
        });
    }

    @Override
    public List<StoredRun> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        return database.query("list the playground runs", connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS + " FROM playground_runs"
                    + NEWEST_FIRST + " FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                try (var rows = select.executeQuery()) {
                    var runs = new ArrayList<StoredRun>();
                    while (rows.next()) {
                        runs.add(run(rows));
                    }
                    return List.copyOf(runs);
                }
            }
        });
    }

    @Override
    public Optional<StoredRun> find(long id) {
        return database.query("read the playground run " + id, connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM playground_runs WHERE id = ?")) {
                select.setLong(1, id);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(run(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void delete(long id) {
        database.update("delete the playground run " + id, connection -> {
            try (var delete = connection.prepareStatement("DELETE FROM playground_runs WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        });
    }

    private static StoredRun run(ResultSet rows) throws SQLException {
        var seedValue = rows.getLong(11);
        var seed = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(seedValue);
        var sampling = new SamplingParameters(rows.getDouble(6), rows.getInt(7), rows.getDouble(8),
                rows.getDouble(9), rows.getDouble(10), seed,
                rows.getInt(12), strings(rows.getString(13)));
        var run = new PlaygroundRun(rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                rows.getString(4), rows.getString(5), sampling, rows.getString(14), rows.getInt(15), rows.getInt(16),
                Duration.ofNanos(rows.getLong(17)), Duration.ofNanos(rows.getLong(18)), rows.getDouble(19),
                GenerationOutcome.valueOf(rows.getString(20)), Optional.ofNullable(rows.getString(21)));
        return new StoredRun(rows.getLong(1), run);
    }

    private static String json(List<String> strings) {
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new EngineException("Cannot write the stop strings of a playground run: " + e.getOriginalMessage(),
                    e);
        }
    }

    private static List<String> strings(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("the stop strings of a playground run are not a JSON array: "
                    + e.getOriginalMessage(), e);
        }
    }
}
