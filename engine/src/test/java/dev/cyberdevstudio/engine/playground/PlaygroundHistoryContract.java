package dev.cyberdevstudio.engine.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.SamplingParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What every {@link PlaygroundHistory} does; subclasses say which one. */
abstract class PlaygroundHistoryContract {

    protected static final Instant START = Instant.parse("2026-11-03T09:30:00.123456Z");

    protected abstract PlaygroundHistory history();

    static PlaygroundRun run(Instant startedAt, String userPrompt) {
        var sampling = new SamplingParameters(0.2, 30, 0.9, 0.1, 1.15, OptionalLong.of(42), 64,
                List.of("\n\n", "User:", "a,b"));
        return new PlaygroundRun(startedAt, "tiny.gguf", "You are terse.", userPrompt, sampling,
                "Once upon a time", 17, 5, Duration.ofNanos(12_345_678), Duration.ofMillis(250), 23.5,
                GenerationOutcome.COMPLETED, Optional.empty());
    }

    @Test
    void givesBackASavedRunWithEveryField() {
        var run = run(START, "Tell me a story");

        var saved = history().save(run);

        assertThat(saved.run()).isEqualTo(run);
        assertThat(history().find(saved.id())).contains(saved);
        assertThat(history().recent(10)).containsExactly(saved);
    }

    @Test
    void keepsARandomSeedNoStopStringsAndAFailure() {
        var sampling = new SamplingParameters(0.7, 40, 0.95, 0.05, 1.1, OptionalLong.empty(), 512, List.of());
        var failed = new PlaygroundRun(START, "broken.gguf", "", "Hi", sampling, "", 3, 0, Duration.ZERO,
                Duration.ofMillis(3), 0, GenerationOutcome.FAILED, Optional.of("the model ran out of memory"));

        var saved = history().save(failed);

        assertThat(history().find(saved.id()).orElseThrow().run()).isEqualTo(failed);
    }

    @Test
    void listsNewestFirstUpToTheLimit() {
        var older = history().save(run(START.minusSeconds(60), "older"));
        var newest = history().save(run(START, "newest"));
        var middle = history().save(run(START.minusSeconds(30), "middle"));

        assertThat(history().recent(10)).containsExactly(newest, middle, older);
        assertThat(history().recent(2)).containsExactly(newest, middle);
        assertThat(history().recent(0)).isEmpty();
        assertThatThrownBy(() -> history().recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesEachRunItsOwnId() {
        var first = history().save(run(START, "same"));
        var second = history().save(run(START, "same"));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(history().recent(2)).containsExactly(second, first);
    }

    @Test
    void deleteForgetsOneRunAndToleratesUnknownIds() {
        var kept = history().save(run(START, "kept"));
        var gone = history().save(run(START.plusSeconds(1), "gone"));

        history().delete(gone.id());
        history().delete(987_654);

        assertThat(history().find(gone.id())).isEmpty();
        assertThat(history().recent(10)).containsExactly(kept);
    }

    @Test
    void keepsOnlyTheNewestRunsBeyondTheLimit() {
        for (var i = 0; i < PlaygroundHistory.LIMIT + 3; i++) {
            history().save(run(START.plusSeconds(i), "run " + i));
        }

        var all = history().recent(Integer.MAX_VALUE);

        assertThat(all).hasSize(PlaygroundHistory.LIMIT);
        assertThat(all.getFirst().run().userPrompt()).isEqualTo("run " + (PlaygroundHistory.LIMIT + 2));
        assertThat(all.getLast().run().userPrompt()).isEqualTo("run 3");
    }

    @Test
    void cutsAnOutputLongerThanTheHistoryKeeps() {
        var huge = "ab".repeat(PlaygroundHistory.MAX_TEXT_LENGTH);
        var run = run(START, "long");
        var longRun = new PlaygroundRun(run.startedAt(), run.model(), run.systemPrompt(), run.userPrompt(),
                run.sampling(), huge, run.promptTokens(), run.generatedTokens(), run.timeToFirstToken(), run.total(),
                run.tokensPerSecond(), run.outcome(), run.error());

        var saved = history().save(longRun);

        var output = history().find(saved.id()).orElseThrow().run().output();
        assertThat(output).hasSize(PlaygroundHistory.MAX_TEXT_LENGTH).startsWith("abab")
                .endsWith(RunTexts.CUT_MARKER);
        assertThat(saved.run().output()).isEqualTo(output);
    }

    @Test
    void keepsTimesToTheMicrosecond() {
        var saved = history().save(run(START.plusNanos(999), "nanos"));

        assertThat(history().find(saved.id()).orElseThrow().run().startedAt()).isEqualTo(START);
        assertThat(saved.run().startedAt()).isEqualTo(START);
    }
}
