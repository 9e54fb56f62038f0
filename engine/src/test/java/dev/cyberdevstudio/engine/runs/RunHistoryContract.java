package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What every run history does, in memory or in the database. */
abstract class RunHistoryContract {

    static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    protected abstract RunHistory history();

    /** A history that keeps only {@code limit} runs, so that forgetting is tested without writing 500. */
    protected abstract RunHistory keeping(int limit);

    @Test
    void listsRunsNewestFirstUpToTheLimitAsked() {
        history().record(run("a", T0, new RunOutcome.Exited(0)));
        history().record(run("c", T0.plusSeconds(2), new RunOutcome.Exited(1)));
        history().record(run("b", T0.plusSeconds(1), new RunOutcome.Exited(2)));

        assertThat(history().recent(10)).extracting(RunRecord::id).containsExactly("c", "b", "a");
        assertThat(history().recent(2)).extracting(RunRecord::id).containsExactly("c", "b");
        assertThat(history().recent(0)).isEmpty();
    }

    @Test
    void keepsEveryDetailOfEachOutcome() {
        List<RunOutcome> outcomes = List.of(new RunOutcome.Exited(42), new RunOutcome.Killed("stopped by the user"),
                new RunOutcome.TimedOut(Duration.ofMillis(1500)), new RunOutcome.LimitExceeded("memory: 64 MiB"),
                new RunOutcome.Failed("Cannot run nope: no such program"));
        for (int i = 0; i < outcomes.size(); i++) {
            var run = run("run-" + i, T0.plusSeconds(i), outcomes.get(i));
            history().record(run);
            assertThat(history().find(run.id())).as(outcomes.get(i).toString()).contains(run);
        }
        assertThat(history().find("run-0").orElseThrow().exitCode()).hasValue(42);
        assertThat(history().find("run-1").orElseThrow().exitCode()).isEmpty();
    }

    @Test
    void keepsRequestIsolationTimingsAndExcerpt() {
        var request = RunRequest.WasmRun.wasi(Path.of("/p/app.wasm"), List.of("x"), Path.of("/p"));
        var run = new RunRecord("w", request, "app.wasm x", Isolation.isolated("WASM: memory capped"), T0,
                new RunResult(new RunOutcome.Exited(0), Duration.ofMillis(1234), OptionalLong.empty(), true),
                "\u001B[32mgreen\u001B[0m\nnext line\n");

        history().record(run);

        assertThat(history().find("w")).contains(run);
        assertThat(history().find("nothing")).isEmpty();
    }

    @Test
    void recordingTheSameRunAgainReplacesIt() {
        history().record(run("same", T0, new RunOutcome.Exited(1)));
        history().record(run("same", T0, new RunOutcome.Exited(0)));

        assertThat(history().recent(10)).singleElement().extracting(RunRecord::exitCode)
                .isEqualTo(OptionalInt.of(0));
    }

    @Test
    void forgetsTheOldestRunsPastItsLimit() {
        var history = keeping(3);
        for (int i = 0; i <= 3; i++) {
            history.record(run("r" + i, T0.plusSeconds(i), new RunOutcome.Exited(0)));
        }

        var kept = history.recent(10);
        assertThat(kept).extracting(RunRecord::id).containsExactly("r3", "r2", "r1");
        assertThat(history.find("r0")).isEmpty();
        assertThat(history.find("r1")).isPresent();
    }

    static RunRecord run(String id, Instant startedAt, RunOutcome outcome) {
        var request = new RunRequest.ProcessRun(List.of("make", id), Path.of("/p"), Path.of("/p"),
                Map.of(), false, RunLimits.defaults());
        return new RunRecord(id, request, "make " + id, Isolation.reduced("no bubblewrap"), startedAt,
                new RunResult(outcome, Duration.ofMillis(250), OptionalLong.of(12_345_678), false), "out " + id + "\n");
    }
}
