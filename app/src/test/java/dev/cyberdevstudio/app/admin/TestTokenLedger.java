package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.engine.usage.DailyTokens;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.llm.UsageRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of the token ledger: records in a list, summed per day and model the way the store sums them. */
final class TestTokenLedger implements TokenLedger {

    final List<UsageRecord> records = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean broken;

    @Override
    public void record(UsageRecord usage) {
        records.add(usage);
    }

    @Override
    public List<UsageRecord> recent(int limit) {
        reads.incrementAndGet();
        if (broken) {
            throw new IllegalStateException("the store is closed");
        }
        return records.stream().sorted(Comparator.comparing(UsageRecord::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<DailyTokens> tokensPerDay(int days) {
        var zone = ZoneId.systemDefault();
        var first = LocalDate.now(zone).minusDays(days - 1L);
        Map<LocalDate, Map<String, long[]>> sums = new TreeMap<>();
        for (var record : records) {
            var day = LocalDate.ofInstant(record.startedAt(), zone);
            if (!day.isBefore(first)) {
                var sum = sums.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(record.model(),
                    m -> new long[3]);
                sum[0] += record.promptTokens();
                sum[1] += record.generatedTokens();
                sum[2]++;
            }
        }
        var result = new ArrayList<DailyTokens>();
        sums.forEach((day, models) -> models.forEach((model, sum) ->
            result.add(new DailyTokens(day, model, sum[0], sum[1], (int) sum[2]))));
        return result;
    }
}
