package dev.cyberdevstudio.engine.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** What every {@link TokenLedger} does; subclasses say which one, what time it is and in which zone days are cut. */
abstract class TokenLedgerContract {

    protected abstract TokenLedger ledger();

    /** Now, as the ledger's clock tells it. */
    protected abstract Instant now();

    protected abstract ZoneId zone();

    static UsageRecord usage(Instant startedAt, String model, int prompt, int generated) {
        return new UsageRecord(startedAt, model, UsageRecord.RequestKind.CHAT, prompt, generated,
                Duration.ofMillis(120), Duration.ofMillis(900), 42.5, GenerationOutcome.COMPLETED);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    /** An instant on the day {@code daysAgo} before today, safely inside it and not after now. */
    private Instant onDay(int daysAgo) {
        var start = today().minusDays(daysAgo).atStartOfDay(zone()).toInstant();
        return daysAgo == 0 ? start.plus(Duration.between(start, now()).dividedBy(2)) : start.plus(Duration.ofHours(1));
    }

    @Test
    void listsRecordsNewestFirstWithEveryField() {
        var now = now().truncatedTo(ChronoUnit.MICROS);
        var oldest = usage(now.minusSeconds(30), "tiny.gguf", 10, 20);
        var newest = new UsageRecord(now.minusSeconds(1), "coder.gguf", UsageRecord.RequestKind.INFILL, 7, 0,
                Duration.ofNanos(123_456_789), Duration.ofNanos(987_654_321), 0.0, GenerationOutcome.CANCELLED);
        var middle = usage(now.minusSeconds(10), "tiny.gguf", 3, 4);

        ledger().record(oldest);
        ledger().record(newest);
        ledger().record(middle);

        assertThat(ledger().recent(10)).containsExactly(newest, middle, oldest);
    }

    @Test
    void recentGivesAtMostTheLimit() {
        var now = now().truncatedTo(ChronoUnit.MICROS);
        for (var i = 0; i < 5; i++) {
            ledger().record(usage(now.minusSeconds(i), "m" + i, i, i));
        }

        assertThat(ledger().recent(2)).extracting(UsageRecord::model).containsExactly("m0", "m1");
        assertThat(ledger().recent(0)).isEmpty();
        assertThatThrownBy(() -> ledger().recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofTwoRequestsStartedAtTheSameTimeTheOneRecordedLaterComesFirst() {
        var now = now().truncatedTo(ChronoUnit.MICROS);
        ledger().record(usage(now, "first", 1, 1));
        ledger().record(usage(now, "second", 1, 1));

        assertThat(ledger().recent(2)).extracting(UsageRecord::model).containsExactly("second", "first");
    }

    @Test
    void keepsStartTimesToTheMicrosecondAndAnEndlessRateAsZero() {
        var started = now().truncatedTo(ChronoUnit.MICROS).plusNanos(999);
        ledger().record(new UsageRecord(started, "m", UsageRecord.RequestKind.COMPLETION, 5, 1, Duration.ZERO,
                Duration.ZERO, Double.POSITIVE_INFINITY, GenerationOutcome.LENGTH));

        var kept = ledger().recent(1).getFirst();

        assertThat(kept.startedAt()).isEqualTo(started.truncatedTo(ChronoUnit.MICROS));
        assertThat(kept.tokensPerSecond()).isZero();
        assertThat(kept.outcome()).isEqualTo(GenerationOutcome.LENGTH);
    }

    @Test
    void sumsTokensPerLocalDayAndModelOldestDayFirst() {
        ledger().record(usage(onDay(0), "tiny", 10, 100));
        ledger().record(usage(onDay(0), "tiny", 5, 50));
        ledger().record(usage(onDay(0), "coder", 1, 2));
        ledger().record(usage(onDay(1), "tiny", 7, 70));
        ledger().record(usage(onDay(3), "coder", 3, 30));
        ledger().record(usage(onDay(7), "tiny", 1000, 1000));

        var days = ledger().tokensPerDay(7);

        assertThat(days).containsExactly(
                new DailyTokens(today().minusDays(3), "coder", 3, 30, 1),
                new DailyTokens(today().minusDays(1), "tiny", 7, 70, 1),
                new DailyTokens(today(), "coder", 1, 2, 1),
                new DailyTokens(today(), "tiny", 15, 150, 2));
        assertThat(days.getLast().totalTokens()).isEqualTo(165);
    }

    @Test
    void oneDayIsTodayOnly() {
        ledger().record(usage(onDay(1), "tiny", 7, 70));
        ledger().record(usage(onDay(0), "tiny", 1, 1));

        assertThat(ledger().tokensPerDay(1)).containsExactly(new DailyTokens(today(), "tiny", 1, 1, 1));
    }

    @Test
    void anEmptyLedgerHasNoDays() {
        assertThat(ledger().tokensPerDay(30)).isEmpty();
        assertThat(ledger().recent(100)).isEmpty();
    }

    @Test
    void refusesFewerThanOneDay() {
        assertThatThrownBy(() -> ledger().tokensPerDay(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
