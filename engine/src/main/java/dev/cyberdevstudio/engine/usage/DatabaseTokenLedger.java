package dev.cyberdevstudio.engine.usage;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.store.Database;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.UsageRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token ledger in the {@code token_ledger} table (migration V2). Times are kept to the microsecond, as the
 * databases keep them.
 *
 * <p>{@link #record} is called by the llm runtime on its inference thread once a request ends: a database failure
 * there is logged and the record dropped rather than thrown into the runtime, whose generation already finished.
 */
public final class DatabaseTokenLedger implements TokenLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseTokenLedger.class);

    private static final String COLUMNS = "started_at, model, request_kind, prompt_tokens, generated_tokens,"
            + " time_to_first_token_ns, total_ns, tokens_per_second, outcome";

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param clock tells what "today" is for {@link #tokensPerDay}
     * @param zone  where days start and end: the machine's time zone in the studio
     */
    public DatabaseTokenLedger(Database database, Clock clock, ZoneId zone) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void record(UsageRecord record) {
        var usage = LedgerRules.kept(record);
        try {
            database.update("record the tokens of a request to " + usage.model(), connection -> {
                try (var insert = connection.prepareStatement("INSERT INTO token_ledger (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, OffsetDateTime.ofInstant(usage.startedAt(), ZoneOffset.UTC));
                    insert.setString(2, usage.model());
                    insert.setString(3, usage.kind().name());
                    insert.setInt(4, usage.promptTokens());
                    insert.setInt(5, usage.generatedTokens());
                    insert.setLong(6, usage.timeToFirstToken().toNanos());
                    insert.setLong(7, usage.total().toNanos());
                    insert.setDouble(8, usage.tokensPerSecond());
                    insert.setString(9, usage.outcome().name());
                    insert.executeUpdate();
                }
            });
        } catch (EngineException e) {
            LOG.warn("A request's tokens were not recorded: {}", e.getMessage(), e);
        }
    }

    @Override
    public List<UsageRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return database.query("list the latest requests of the token ledger", connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM token_ledger ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, limit);
                try (var rows = select.executeQuery()) {
                    var records = new ArrayList<UsageRecord>();
                    while (rows.next()) {
                        records.add(usage(rows));
                    }
                    return List.copyOf(records);
                }
            }
        });
    }

    @Override
    public List<DailyTokens> tokensPerDay(int days) {
        var sums = DailySums.lastDays(days, clock, zone);
        return database.query("sum the token ledger per day", connection -> {
            try (var select = connection.prepareStatement("SELECT started_at, model, prompt_tokens,"
                    + " generated_tokens FROM token_ledger WHERE started_at >= ?")) {
                select.setObject(1, OffsetDateTime.ofInstant(sums.since(), ZoneOffset.UTC));
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        sums.add(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2),
                                rows.getInt(3), rows.getInt(4));
                    }
                }
            }
            return sums.result();
        });
    }

    private static UsageRecord usage(ResultSet rows) throws SQLException {
        return new UsageRecord(rows.getObject(1, OffsetDateTime.class).toInstant(), rows.getString(2),
                UsageRecord.RequestKind.valueOf(rows.getString(3)), rows.getInt(4), rows.getInt(5),
                Duration.ofNanos(rows.getLong(6)), Duration.ofNanos(rows.getLong(7)), rows.getDouble(8),
                GenerationOutcome.valueOf(rows.getString(9)));
    }
}
