package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A finished run as the history keeps it: enough to show it again, read its output's end, and run it again.
 *
 * @param description   what ran, as the launcher described it
 * @param outputExcerpt the end of its output (at most {@link RunService#EXCERPT_CHARS} characters, ANSI escapes
 *                      kept), with a note in front when earlier output was not kept
 */
public record RunRecord(String id, RunRequest request, String description, Isolation isolation, Instant startedAt,
                        RunResult result, String outputExcerpt) {

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outputExcerpt, "outputExcerpt");
    }

    /** The exit code, when the program ended by itself. */
    public OptionalInt exitCode() {
        return result.outcome() instanceof RunOutcome.Exited(int code) ? OptionalInt.of(code) : OptionalInt.empty();
    }
}
