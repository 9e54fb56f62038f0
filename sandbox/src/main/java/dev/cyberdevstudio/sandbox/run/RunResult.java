package dev.cyberdevstudio.sandbox.run;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a finished run left behind.
 *
 * @param peakMemoryBytes the most memory the run used, where the host reports it
 * @param outputTruncated whether output past the run's output limit was cut (a marker was written where)
 */
public record RunResult(RunOutcome outcome, Duration wallTime, OptionalLong peakMemoryBytes,
                        boolean outputTruncated) {

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(peakMemoryBytes, "peakMemoryBytes");
    }

    public boolean succeeded() {
        return outcome instanceof RunOutcome.Exited(int code) && code == 0;
    }
}
