package dev.cyberdevstudio.sandbox.process;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every sandboxed run has; there is no unlimited run.
 *
 * @param wallTimeout    real time until the run is stopped ({@code TimedOut})
 * @param cpuTime        CPU time the run's processes may use together (cgroup) and each one may use (RLIMIT_CPU)
 * @param memoryBytes    memory of the whole run (cgroup), or address space per process where no cgroup is writable
 * @param maxProcesses   processes and threads the run may have at once
 * @param maxOutputBytes bytes of stdout and stderr together passed on to the listener; the rest is cut with a marker
 * @param onOverflow     whether a run that passes its output limit is stopped or left running
 */
public record ProcessLimits(Duration wallTimeout, Duration cpuTime, long memoryBytes, int maxProcesses,
                            long maxOutputBytes, OverflowAction onOverflow) {

    private static final long MIB = 1024L * 1024L;

    public ProcessLimits {
        Objects.requireNonNull(wallTimeout, "wallTimeout");
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(onOverflow, "onOverflow");
        if (wallTimeout.isNegative() || wallTimeout.isZero() || cpuTime.toSeconds() < 1) {
            throw new IllegalArgumentException("the wall timeout must be positive and the CPU time at least 1 s");
        }
        if (memoryBytes < 16 * MIB || maxProcesses < 1 || maxOutputBytes < 1) {
            throw new IllegalArgumentException("memory must be at least 16 MiB, processes and output at least 1");
        }
    }

    /** Two minutes, one CPU minute, 1 GiB, 128 processes, 4 MiB of output then cut (the run goes on). */
    public static ProcessLimits defaults() {
        return new ProcessLimits(Duration.ofMinutes(2), Duration.ofMinutes(1), 1024 * MIB, 128, 4 * MIB,
                OverflowAction.CONTINUE);
    }

    public ProcessLimits withWallTimeout(Duration value) {
        return new ProcessLimits(value, cpuTime, memoryBytes, maxProcesses, maxOutputBytes, onOverflow);
    }

    public ProcessLimits withCpuTime(Duration value) {
        return new ProcessLimits(wallTimeout, value, memoryBytes, maxProcesses, maxOutputBytes, onOverflow);
    }

    public ProcessLimits withMemoryBytes(long value) {
        return new ProcessLimits(wallTimeout, cpuTime, value, maxProcesses, maxOutputBytes, onOverflow);
    }

    public ProcessLimits withMaxProcesses(int value) {
        return new ProcessLimits(wallTimeout, cpuTime, memoryBytes, value, maxOutputBytes, onOverflow);
    }

    public ProcessLimits withOutput(long maxBytes, OverflowAction action) {
        return new ProcessLimits(wallTimeout, cpuTime, memoryBytes, maxProcesses, maxBytes, action);
    }
}
