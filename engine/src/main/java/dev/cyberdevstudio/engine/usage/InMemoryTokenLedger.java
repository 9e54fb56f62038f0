package dev.cyberdevstudio.engine.usage;

import dev.cyberdevstudio.llm.UsageRecord;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A token ledger kept only while the studio runs: what it uses when its database is unavailable. It keeps the
 * latest {@value #CAPACITY} requests, so that a long session without a store cannot fill the memory.
 */
public final class InMemoryTokenLedger implements TokenLedger {

    static final int CAPACITY = 100_000;

    /** A record and the order it came in, which breaks ties between equal start times as the table's id does. */
    private record Entry(long sequence, UsageRecord usage) {
    }

    private static final Comparator<Entry> NEWEST_FIRST = Comparator
            .comparing((Entry entry) -> entry.usage().startedAt()).thenComparingLong(Entry::sequence).reversed();

    private final Clock clock;
    private final ZoneId zone;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long sequence;

    public InMemoryTokenLedger() {
        this(Clock.systemUTC(), ZoneId.systemDefault());
    }

    public InMemoryTokenLedger(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public synchronized void record(UsageRecord usage) {
        entries.addLast(new Entry(sequence++, LedgerRules.kept(usage)));
        while (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    @Override
    public synchronized List<UsageRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        return entries.stream().sorted(NEWEST_FIRST).limit(limit).map(Entry::usage).toList();
    }

    @Override
    public synchronized List<DailyTokens> tokensPerDay(int days) {
        var sums = DailySums.lastDays(days, clock, zone);
        for (var entry : entries) {
            var usage = entry.usage();
            sums.add(usage.startedAt(), usage.model(), usage.promptTokens(), usage.generatedTokens());
        }
        return sums.result();
    }
}
