package dev.cyberdevstudio.engine.runs;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a local run gets, whichever engine runs it. Launchers map them onto their own limits (a process
 * sandbox's rlimits and cgroups, a WASM module's memory pages and timeout); a value a launcher cannot enforce is
 * ignored by it and said in the run's isolation summary.
 *
 * @param wallTimeout    how long the run may take before it is stopped
 * @param cpuTime        CPU time a process may use
 * @param memoryBytes    memory a process may hold; WASM linear memory is capped to the same number of bytes
 * @param maxProcesses   how many processes a run may have at once, so that a fork bomb stops at the limit
 * @param maxOutputBytes output kept from the run; past it the output is cut with a marker
 */
public record RunLimits(Duration wallTimeout, Duration cpuTime, long memoryBytes, int maxProcesses,
                        long maxOutputBytes) {

    private static final RunLimits DEFAULTS = new RunLimits(Duration.ofMinutes(10), Duration.ofMinutes(10),
            2L * 1024 * 1024 * 1024, 256, 64L * 1024 * 1024);

    public RunLimits {
        Objects.requireNonNull(wallTimeout, "wallTimeout");
        Objects.requireNonNull(cpuTime, "cpuTime");
        if (wallTimeout.isNegative() || wallTimeout.isZero()) {
            throw new IllegalArgumentException("the wall-clock timeout must be positive, not " + wallTimeout);
        }
        if (cpuTime.isNegative() || cpuTime.isZero()) {
            throw new IllegalArgumentException("the CPU time limit must be positive, not " + cpuTime);
        }
        if (memoryBytes <= 0 || maxProcesses <= 0 || maxOutputBytes <= 0) {
            throw new IllegalArgumentException("memory, process and output limits must be positive");
        }
    }

    /** Ten minutes, 2 GiB, 256 processes, 64 MiB of output: roomy for a build or a test run, short of a runaway. */
    public static RunLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with another wall-clock timeout. */
    public RunLimits withWallTimeout(Duration timeout) {
        return new RunLimits(timeout, cpuTime, memoryBytes, maxProcesses, maxOutputBytes);
    }
}
