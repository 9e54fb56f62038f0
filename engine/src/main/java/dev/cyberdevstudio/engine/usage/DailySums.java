package dev.cyberdevstudio.engine.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums requests into {@link DailyTokens} per local day and model, the same way for every {@link TokenLedger}.
 *
 * <p>Days are cut in the machine's time zone in Java rather than in SQL: H2 and PostgreSQL spell time zone
 * conversion differently, and a ledger of a few weeks is small enough to sum here.
 */
final class DailySums {

    private record Key(LocalDate day, String model) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::model);

    private final ZoneId zone;
    private final LocalDate firstDay;
    private final LocalDate today;
    private final Map<Key, long[]> sums = new TreeMap<>(ORDER);

    private DailySums(ZoneId zone, LocalDate firstDay, LocalDate today) {
        this.zone = zone;
        this.firstDay = firstDay;
        this.today = today;
    }

    /** Sums for the {@code days} days up to and including today in {@code zone}. */
    static DailySums lastDays(int days, Clock clock, ZoneId zone) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        var today = LocalDate.ofInstant(clock.instant(), zone);
        return new DailySums(zone, today.minusDays(days - 1L), today);
    }

    /** The first instant that can count: midnight at the start of the first day. */
    Instant since() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    void add(Instant startedAt, String model, long promptTokens, long generatedTokens) {
        var day = LocalDate.ofInstant(startedAt, zone);
        if (day.isBefore(firstDay) || day.isAfter(today)) {
            return;
        }
        var sum = sums.computeIfAbsent(new Key(day, model), key -> new long[3]);
        sum[0] += promptTokens;
        sum[1] += generatedTokens;
        sum[2]++;
    }

    /** Oldest day first, models by name within a day. */
    List<DailyTokens> result() {
        var result = new ArrayList<DailyTokens>(sums.size());
        sums.forEach((key, sum) -> result.add(new DailyTokens(key.day(), key.model(), sum[0], sum[1],
                Math.toIntExact(sum[2]))));
        return List.copyOf(result);
    }
}
