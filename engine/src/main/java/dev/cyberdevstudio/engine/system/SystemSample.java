package dev.cyberdevstudio.engine.system;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of the machine and of this process.
 *
 * @param machineCpuLoad   share of all logical processors busy since the previous reading, 0 to 1 (machine-wide: in a
 *                         container OSHI still reports the host)
 * @param totalMemory      physical memory in bytes
 * @param availableMemory  memory the OS could hand out now without swapping, in bytes
 * @param processRss       resident memory of this process (the studio or the engine server), in bytes
 * @param processCpuLoad   this process's share of the whole machine since the previous reading, 0 to 1
 * @param logicalProcessors logical processors, the unit {@code processCpuLoad} is divided by
 */
public record SystemSample(Instant at, double machineCpuLoad, long totalMemory, long availableMemory,
                           long processRss, double processCpuLoad, int logicalProcessors) {

    public SystemSample {
        Objects.requireNonNull(at, "at");
    }

    public long usedMemory() {
        return Math.max(0, totalMemory - availableMemory);
    }
}
