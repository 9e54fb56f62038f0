package dev.cyberdevstudio.sandbox.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** The control group of one run: limits in, usage out, and a way to kill every process in it. */
final class RunCgroup implements AutoCloseable {

    private final Cgroups.Version version;
    private final Map<String, Path> folders;

    RunCgroup(Cgroups.Version version, Map<String, Path> folders) {
        this.version = version;
        this.folders = Map.copyOf(folders);
    }

    void applyLimits(long memoryBytes, int maxProcesses) throws IOException {
        if (version == Cgroups.Version.V1) {
            write(folder("memory"), "memory.limit_in_bytes", memoryBytes);
            var swap = folder("memory").resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(swap)) {
                // Without this the run could push the excess into swap and live on past its limit.
                write(folder("memory"), "memory.memsw.limit_in_bytes", memoryBytes);
            }
            write(folder("pids"), "pids.max", maxProcesses);
        } else {
            // A child's controllers are those its parent enables for its children.
            var controllers = read(folder("unified").getParent(), "cgroup.subtree_control");
            if (!controllers.contains("memory") || !controllers.contains("pids")) {
                throw new IOException("memory and pids controllers are not enabled below " + folder("unified")
                        .getParent());
            }
            write(folder("unified"), "memory.max", memoryBytes);
            if (Files.exists(folder("unified").resolve("memory.swap.max"))) {
                write(folder("unified"), "memory.swap.max", 0);
            }
            write(folder("unified"), "pids.max", maxProcesses);
        }
    }

    /** The files a process writes its pid to so that it, and everything it starts, joins this group. */
    List<Path> procsFiles() {
        return folders.values().stream().map(folder -> folder.resolve("cgroup.procs")).toList();
    }

    String describe() {
        return version == Cgroups.Version.V1 ? "cgroup v1" : "cgroup v2";
    }

    OptionalLong peakMemory() {
        var value = version == Cgroups.Version.V1 ? number(folder("memory"), "memory.max_usage_in_bytes")
                : number(folder("unified"), "memory.peak");
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** Whether the kernel killed a process of the run for going over the memory limit. */
    boolean memoryLimitHit() {
        return version == Cgroups.Version.V1 ? field(folder("memory"), "memory.oom_control", "oom_kill") > 0
                : field(folder("unified"), "memory.events", "oom_kill") > 0;
    }

    /** Whether the run tried to have more processes than allowed (a fork failed). */
    boolean processLimitHit() {
        var pids = version == Cgroups.Version.V1 ? folder("pids") : folder("unified");
        return field(pids, "pids.events", "max") > 0;
    }

    /** CPU time used by all of the run's processes so far, where the host counts it. */
    OptionalLong cpuNanos() {
        if (version == Cgroups.Version.V1) {
            return folders.containsKey("cpuacct") ? OptionalLong.of(number(folder("cpuacct"), "cpuacct.usage"))
                    : OptionalLong.empty();
        }
        var micros = field(folder("unified"), "cpu.stat", "usage_usec");
        return micros >= 0 ? OptionalLong.of(micros * 1000) : OptionalLong.empty();
    }

    Set<Long> pids() {
        var pids = new LinkedHashSet<Long>();
        for (var file : procsFiles()) {
            try {
                for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            } catch (IOException | NumberFormatException gone) {
                // The group is being removed; nothing left to list.
            }
        }
        return pids;
    }

    /** Kills every process in the group until none is left (a fork bomb keeps forking while we kill). */
    void killAll() {
        for (int round = 0; round < 200; round++) {
            var pids = pids();
            if (pids.isEmpty()) {
                return;
            }
            for (var pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (round > 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** Removes the group; a group still holding processes cannot be removed, so those are killed first. */
    @Override
    public void close() {
        var remaining = new ArrayList<>(folders.values());
        for (int attempt = 0; attempt < 50 && !remaining.isEmpty(); attempt++) {
            if (attempt > 0) {
                killAll();
                sleepQuietly();
            }
            remaining.removeIf(folder -> {
                try {
                    Files.deleteIfExists(folder);
                    return true;
                } catch (IOException busy) {
                    return false;
                }
            });
        }
    }

    private Path folder(String controller) {
        var folder = folders.get(controller);
        if (folder == null) {
            throw new IllegalStateException("no " + controller + " control group");
        }
        return folder;
    }

    private static void write(Path folder, String file, long value) throws IOException {
        Files.writeString(folder.resolve(file), Long.toString(value));
    }

    private static String read(Path folder, String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }

    private static long number(Path folder, String file) {
        try {
            return Long.parseLong(read(folder, file).trim());
        } catch (NoSuchFileException | NumberFormatException missing) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** A value from a "key value" per line file (memory.events, pids.events, cpu.stat, memory.oom_control). */
    private static long field(Path folder, String file, String key) {
        try {
            for (var line : read(folder, file).split("\n")) {
                var parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException missing) {
            return -1;
        }
        return -1;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
