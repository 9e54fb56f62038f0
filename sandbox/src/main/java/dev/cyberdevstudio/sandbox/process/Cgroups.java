package dev.cyberdevstudio.sandbox.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this host lets the studio make one control group per run: cgroup v1 (a folder per controller, as on this
 * build machine) or v2 (one unified folder, as on current desktops, only where the controllers are delegated to us).
 * Each run's group sits below the studio's own group, so limits set above the studio still hold.
 */
final class Cgroups {

    private static final Logger LOG = LoggerFactory.getLogger(Cgroups.class);
    private static final AtomicLong COUNTER = new AtomicLong();

    enum Version { V1, V2 }

    /** Groups made ahead of time: making and removing a memory group costs 10-20 ms that a run should not wait. */
    private static final int SPARES = 2;

    private final Version version;
    /** v1: controller name (memory, pids, cpuacct) to the studio's folder in it; v2: "unified" to the folder. */
    private final Map<String, Path> parents;
    private final Queue<RunCgroup> spares = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean hooked = new AtomicBoolean();

    private Cgroups(Version version, Map<String, Path> parents) {
        this.version = version;
        this.parents = Map.copyOf(parents);
    }

    Version version() {
        return version;
    }

    /** The groups of this host, or the reason there are none we may use. */
    static Result detect() {
        return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
    }

    record Result(Optional<Cgroups> cgroups, String reason) { }

    static Result detect(Path mount, Path selfCgroup) {
        String membership;
        try {
            membership = Files.readString(selfCgroup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(Optional.empty(), "no control groups (" + selfCgroup + " unreadable)");
        }
        var v1 = new LinkedHashMap<String, Path>();
        Path unified = null;
        for (var line : membership.split("\n")) {
            var parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            var relative = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
            if (parts[1].isEmpty()) {
                unified = mount.resolve(relative);
            }
            for (var controller : parts[1].split(",")) {
                if (controller.equals("memory") || controller.equals("pids") || controller.equals("cpuacct")) {
                    v1.put(controller, mount.resolve(controller).resolve(relative));
                }
            }
        }
        if (v1.containsKey("memory") && v1.containsKey("pids")) {
            var candidate = new Cgroups(Version.V1, v1);
            return candidate.probe() ? new Result(Optional.of(candidate), "cgroup v1")
                    : new Result(Optional.empty(), "cgroup v1 is not writable by the studio");
        }
        if (unified != null && Files.isRegularFile(mount.resolve("cgroup.controllers"))) {
            var candidate = new Cgroups(Version.V2, Map.of("unified", unified));
            return candidate.probe() ? new Result(Optional.of(candidate), "cgroup v2")
                    : new Result(Optional.empty(), "cgroup v2 memory and pids controllers are not delegated to the "
                            + "studio");
        }
        return new Result(Optional.empty(), "no memory and pids control groups on this host");
    }

    private boolean probe() {
        try (var group = create("probe", 64L << 20, 8)) {
            return group != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A group for one run with its limits applied, taken from the spares when one is ready, or null when the host
     * refused. Another spare is made in the background.
     */
    RunCgroup take(long memoryBytes, int maxProcesses) {
        RunCgroup group;
        while ((group = spares.poll()) != null) {
            try {
                group.applyLimits(memoryBytes, maxProcesses);
                break;
            } catch (IOException | RuntimeException e) {
                release(group);
            }
        }
        if (group == null) {
            group = create("run", memoryBytes, maxProcesses);
        }
        Thread.ofVirtual().name("cgroup-spare").start(this::refill);
        return group;
    }

    /** Removes a run's group in the background, after its result is out. */
    void release(RunCgroup group) {
        Thread.ofVirtual().name("cgroup-release").start(group::close);
    }

    private void refill() {
        if (hooked.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                RunCgroup spare;
                while ((spare = spares.poll()) != null) {
                    spare.close();
                }
            }));
        }
        if (spares.size() < SPARES) {
            var spare = create("run", 64L << 20, 1);
            if (spare != null) {
                spares.add(spare);
            }
        }
    }

    /** A fresh group with the limits applied, or null when the host refused (logged). */
    RunCgroup create(String purpose, long memoryBytes, int maxProcesses) {
        var name = "cyberdevstudio-" + ProcessHandle.current().pid() + "-" + purpose + "-"
                + COUNTER.incrementAndGet();
        var folders = new LinkedHashMap<String, Path>();
        try {
            for (var entry : parents.entrySet()) {
                var folder = entry.getValue().resolve(name);
                Files.createDirectory(folder);
                folders.put(entry.getKey(), folder);
            }
            var group = new RunCgroup(version, folders);
            group.applyLimits(memoryBytes, maxProcesses);
            return group;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not make control group {}: {}", name, e.toString());
            new RunCgroup(version, folders).close();
            return null;
        }
    }
}
