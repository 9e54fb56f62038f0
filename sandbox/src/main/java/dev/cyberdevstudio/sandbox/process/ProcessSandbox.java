package dev.cyberdevstudio.sandbox.process;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs of a project with every limit enforced and, on Linux with bubblewrap, confined by the host.
 *
 * <pre>{@code
 * var sandbox = ProcessSandbox.detect();          // once; probes bubblewrap with a real run
 * RunHandle run = sandbox.start(ProcessSpec.of(project, List.of("make")), chunk -> show(chunk));
 * RunResult result = run.result().join();
 * }</pre>
 *
 * <p>Isolated (bubblewrap works): the run sees read-only system folders ({@code /usr} and a few files of
 * {@code /etc}), the project folder as the only writable place, a private {@code /tmp}, its own process, IPC, UTS
 * and network namespaces (only a loopback of its own unless the run grants the network), no capabilities, no new
 * privileges and, when the studio runs as root, an unprivileged uid so that RLIMIT_NPROC holds. Where the host lets
 * us make control groups, memory, processes and CPU time of the whole run are limited and measured there.
 *
 * <p>Reduced (no bubblewrap, macOS, Windows, or forced with {@link #reduced(String)}): the program runs with the
 * studio's own view of the files and network, but still with a clean environment, the wall timeout, output cap,
 * tree kill and whatever limits the host offers (prlimit, cgroups). {@link #isolation()} and every run's
 * {@link RunHandle#isolation()} say so, with the reason.
 */
public final class ProcessSandbox {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSandbox.class);
    /** The uid and gid a root studio drops to when the project folder itself belongs to root: "nobody". */
    static final int NOBODY = 65534;
    static final String SANDBOX_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Host host;
    private final Optional<String> reducedReason;

    /**
     * What this host offers. Package-private so tests can leave a tool or the cgroups out.
     *
     * @param bwrap    bubblewrap, when it is to be used
     * @param prlimit  util-linux prlimit, for RLIMIT_CPU/AS/NPROC/CORE
     * @param setpriv  util-linux setpriv, to drop uid, groups and capabilities when the studio runs as root
     * @param setsid   util-linux setsid, to give a reduced run its own process group
     * @param cgroups  control groups we may make
     * @param root     whether the studio runs as uid 0
     */
    record Host(Optional<Path> bwrap, Optional<Path> prlimit, Optional<Path> setpriv, Optional<Path> setsid,
                Optional<Cgroups> cgroups, String cgroupNote, boolean root) {

        Host withoutBwrap() {
            return new Host(Optional.empty(), prlimit, setpriv, setsid, cgroups, cgroupNote, root);
        }

        Host withoutCgroups(String note) {
            return new Host(bwrap, prlimit, setpriv, setsid, Optional.empty(), note, root);
        }

        static Host probe() {
            boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
            if (!linux) {
                return new Host(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), "no control groups on this system", false);
            }
            var cgroups = Cgroups.detect();
            return new Host(tool("bwrap"), tool("prlimit"), tool("setpriv"), tool("setsid"), cgroups.cgroups(),
                    cgroups.reason(), isRoot());
        }

        private static Optional<Path> tool(String name) {
            for (var folder : SANDBOX_PATH.split(":")) {
                var candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        private static boolean isRoot() {
            try {
                return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }

    ProcessSandbox(Host host, Optional<String> reducedReason) {
        this.host = host;
        this.reducedReason = reducedReason;
    }

    /**
     * Uses bubblewrap when a probe run through it succeeds; otherwise a reduced sandbox that says why. Costs one short
     * run (a few milliseconds); call it once and keep the sandbox.
     */
    public static ProcessSandbox detect() {
        return detect(Host.probe());
    }

    static ProcessSandbox detect(Host host) {
        if (host.bwrap().isEmpty()) {
            var os = System.getProperty("os.name", "this system");
            var reason = os.toLowerCase(Locale.ROOT).contains("linux")
                    ? "bubblewrap is not installed (install the 'bubblewrap' package)"
                    : os + " has no bubblewrap; the studio cannot confine programs here";
            return new ProcessSandbox(host, Optional.of(reason));
        }
        var candidate = new ProcessSandbox(host, Optional.empty());
        var failure = candidate.probeFailure();
        if (failure.isPresent()) {
            LOG.warn("bubblewrap is installed but unusable: {}", failure.get());
            return new ProcessSandbox(host.withoutBwrap(), Optional.of("bubblewrap is installed but could not "
                    + "start a sandbox: " + failure.get()));
        }
        return candidate;
    }

    /** A sandbox that never uses bubblewrap, for hosts without it and for tests of that path. */
    public static ProcessSandbox reduced(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new ProcessSandbox(Host.probe().withoutBwrap(), Optional.of(reason));
    }

    /** What runs of this sandbox get, in one line for the user. */
    public Isolation isolation() {
        // Which uid depends on the project folder's owner; say what kind of uid every run gets.
        var user = host.root() && host.setpriv().isPresent() ? Optional.of(new int[] {-1, -1})
                : Optional.<int[]>empty();
        return isolationFor(false, user);
    }

    public boolean isIsolated() {
        return reducedReason.isEmpty();
    }

    /**
     * Starts a run; its output goes to {@code listener} as produced. A program that cannot be found or started comes
     * back as a finished run with {@link RunOutcome.Failed}, not as an exception.
     *
     * @throws SandboxException when the project or working folder does not exist
     */
    public RunHandle start(ProcessSpec spec, OutputListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        Path root;
        Path cwd;
        try {
            root = spec.projectRoot().toRealPath();
            cwd = spec.resolvedWorkingDirectory().toRealPath();
        } catch (IOException e) {
            throw new SandboxException("Refused run: the folder " + e.getMessage() + " does not exist", e);
        }
        if (!cwd.startsWith(root) || !Files.isDirectory(cwd)) {
            throw new SandboxException("Refused run: the working folder " + spec.workingDirectory()
                    + " is not a folder inside the project " + root);
        }
        var user = sandboxUser(root);
        var plan = new LaunchPlan(spec, root, cwd, user);
        var isolation = isolationFor(spec.network(), user);
        var missing = plan.missingProgram(isIsolated());
        if (missing.isPresent()) {
            return SandboxedRun.failed(plan.description(), isolation, missing.get(), listener);
        }
        var cgroup = host.cgroups().flatMap(groups -> Optional.ofNullable(groups.take(spec.limits().memoryBytes(),
                spec.limits().maxProcesses())).map(group -> new SandboxedRun.Group(group, groups)));
        var command = plan.command(host, isIsolated(), cgroup.map(SandboxedRun.Group::cgroup));
        return SandboxedRun.start(plan, command, isolation, cgroup, listener,
                !isIsolated() && host.setsid().isPresent());
    }

    /** The uid/gid a root studio drops to: the project's owner when that is not root, else nobody. */
    private Optional<int[]> sandboxUser(Path root) {
        if (!host.root() || host.setpriv().isEmpty()) {
            return Optional.empty();
        }
        try {
            int uid = (Integer) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = (Integer) Files.getAttribute(root, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(uid == 0 ? new int[] {NOBODY, NOBODY} : new int[] {uid, gid});
        } catch (IOException | RuntimeException e) {
            return Optional.of(new int[] {NOBODY, NOBODY});
        }
    }

    private Isolation isolationFor(boolean network, Optional<int[]> user) {
        var limits = new ArrayList<String>();
        limits.add("wall timeout");
        limits.add("output cap");
        limits.add("clean environment");
        limits.add("tree kill");
        if (host.cgroups().isPresent()) {
            limits.add("memory, processes and CPU of the whole run (" + host.cgroups().get().version()
                    .name().toLowerCase(Locale.ROOT).replace("v", "cgroup v") + ")");
        } else {
            limits.add(host.prlimit().isPresent() ? "per-process memory and CPU (prlimit; " + host.cgroupNote() + ")"
                    : "no memory or CPU limit (" + host.cgroupNote() + ", no prlimit)");
        }
        var who = user.map(ids -> (ids[0] < 0 ? "an unprivileged uid (the project's owner, or nobody)"
                : "uid " + ids[0] + (ids[0] == NOBODY ? " (nobody)" : "")) + ", capabilities dropped")
                .orElse(host.root() ? "runs as root (no setpriv)" : "runs as the studio user");
        if (isIsolated()) {
            var net = network ? "network granted" : "no network";
            return Isolation.isolated("bubblewrap: read-only system folders, project folder the only writable place, "
                    + "private /tmp, own pid/ipc/uts namespaces, " + net + ", " + who + "; " + String.join(", ",
                    limits));
        }
        return Isolation.reduced("reduced isolation: " + reducedReason.orElseThrow() + ". The program sees and may "
                + "change every file and reach every host the studio can; enforced: " + String.join(", ", limits)
                + "; " + who);
    }

    private Optional<String> probeFailure() {
        Path folder = null;
        try {
            // Readable by everyone: a root studio probes as the unprivileged sandbox user, who must reach it.
            folder = Files.createTempDirectory("cyberdevstudio-probe", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            var limits = ProcessLimits.defaults().withWallTimeout(Duration.ofSeconds(20));
            var spec = ProcessSpec.of(folder, List.of("true")).withLimits(limits);
            var output = new StringBuilder();
            var run = start(spec, chunk -> {
                synchronized (output) {
                    output.append(chunk.text());
                }
            });
            var result = run.result().get(30, TimeUnit.SECONDS);
            if (result.succeeded()) {
                return Optional.empty();
            }
            synchronized (output) {
                return Optional.of(result.outcome().describe() + (output.isEmpty() ? "" : ": " + output.toString()
                        .strip()));
            }
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            if (folder != null) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException e) {
                    LOG.debug("Could not remove probe folder {}", folder);
                }
            }
        }
    }

    /** The variables every run gets before the granted ones. */
    static Map<String, String> baseEnvironment(Path home) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", SANDBOX_PATH);
        env.put("HOME", home.toString());
        env.put("TMPDIR", home.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }
}
