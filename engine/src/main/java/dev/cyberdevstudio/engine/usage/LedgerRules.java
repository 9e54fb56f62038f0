package dev.cyberdevstudio.engine.usage;

import dev.cyberdevstudio.llm.UsageRecord;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** What every {@link TokenLedger} does to a record before keeping it, so that both kinds give back the same. */
final class LedgerRules {

    private LedgerRules() {
    }

    /**
     * The record as it is kept: the start time cut to microseconds (what the databases keep), durations beyond
     * 292 years saturated (a bug upstream, not a reason to lose the row), and a rate that is not finite (no time
     * after the first token) kept as 0.
     */
    static UsageRecord kept(UsageRecord usage) {
        Objects.requireNonNull(usage, "usage");
        return new UsageRecord(usage.startedAt().truncatedTo(ChronoUnit.MICROS), usage.model(), usage.kind(),
                usage.promptTokens(), usage.generatedTokens(), saturated(usage.timeToFirstToken()),
                saturated(usage.total()), Double.isFinite(usage.tokensPerSecond()) ? usage.tokensPerSecond() : 0,
                usage.outcome());
    }

    private static Duration saturated(Duration duration) {
        try {
            return Duration.ofNanos(duration.toNanos());
        } catch (ArithmeticException e) {
            return Duration.ofNanos(duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }
}
