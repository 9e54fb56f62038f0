package dev.cyberdevstudio.sandbox.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a {@link ProcessSpec} into the command line that confines it: cgroup join, prlimit, setpriv, bwrap. */
final class LaunchPlan {

    /** Joins this shell to each cgroup.procs file given before "--", then becomes the rest of the command line. */
    static final String JOIN_SCRIPT = "unset PWD OLDPWD; for p do if [ \"$p\" = -- ]; then break; fi; "
            + "echo $$ > \"$p\" || exit 125; shift; done; shift; exec \"$@\"";
    /** Root-level folders that hold programs and libraries; usually links into /usr on current distributions. */
    private static final List<String> SYSTEM_TOP = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    /** What of /etc a program needs to link, resolve users, read certificates and time zones; no more. */
    private static final Set<String> ETC = Set.of("alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d",
            "localtime", "timezone", "passwd", "group", "nsswitch.conf", "hosts", "host.conf", "ssl",
            "ca-certificates", "pki", "mime.types", "os-release", "debian_version", "protocols", "services", "magic",
            "inputrc", "bash.bashrc", "profile");
    private static final Set<String> ETC_WITH_NETWORK = Set.of("resolv.conf", "gai.conf");
    private static final List<String> ETC_PREFIXES = List.of("java-", "python3", "perl");

    private final ProcessSpec spec;
    private final Path root;
    private final Path cwd;
    private final Optional<int[]> user;

    LaunchPlan(ProcessSpec spec, Path root, Path cwd, Optional<int[]> user) {
        this.spec = spec;
        this.root = root;
        this.cwd = cwd;
        this.user = user;
    }

    ProcessSpec spec() {
        return spec;
    }

    Path root() {
        return root;
    }

    Path cwd() {
        return cwd;
    }

    Optional<int[]> user() {
        return user;
    }

    String description() {
        return spec.command().stream().map(LaunchPlan::quote).collect(Collectors.joining(" "));
    }

    /** The environment of the run: minimal base, then the granted variables. */
    Map<String, String> environment(Path home) {
        var env = ProcessSandbox.baseEnvironment(home);
        env.putAll(spec.environment());
        return env;
    }

    /** Why the program cannot run, found before starting anything, so the user gets a plain message. */
    Optional<String> missingProgram(boolean isolated) {
        var program = spec.command().getFirst();
        Path found = null;
        if (program.contains("/")) {
            var candidate = cwd.resolve(program).normalize();
            found = Files.isRegularFile(candidate) ? candidate : null;
        } else {
            var path = spec.environment().getOrDefault("PATH", ProcessSandbox.SANDBOX_PATH);
            for (var folder : path.split(":")) {
                if (folder.isEmpty()) {
                    continue;
                }
                var candidate = cwd.resolve(folder).resolve(program);
                if (Files.isRegularFile(candidate)) {
                    found = candidate;
                    break;
                }
            }
        }
        if (found == null) {
            return Optional.of("command not found: '" + program + "'" + (program.contains("/") ? ""
                    : " (looked in " + spec.environment().getOrDefault("PATH", ProcessSandbox.SANDBOX_PATH) + ")"));
        }
        if (!Files.isExecutable(found)) {
            return Optional.of("'" + program + "' is not executable (" + found + ")");
        }
        if (isolated && !visibleInside(found)) {
            return Optional.of("'" + program + "' (" + found + ") is outside what the sandbox shows: the system "
                    + "folders and the project folder");
        }
        return Optional.empty();
    }

    private boolean visibleInside(Path program) {
        var absolute = program.toAbsolutePath().normalize();
        if (absolute.startsWith(root) || absolute.startsWith("/usr")) {
            return true;
        }
        return SYSTEM_TOP.stream().anyMatch(top -> absolute.startsWith("/" + top));
    }

    List<String> command(ProcessSandbox.Host host, boolean isolated, Optional<RunCgroup> cgroup) {
        var command = new ArrayList<String>();
        cgroup.ifPresent(group -> {
            command.addAll(List.of("/bin/sh", "-c", JOIN_SCRIPT, "sh"));
            group.procsFiles().forEach(file -> command.add(file.toString()));
            command.add("--");
        });
        if (!isolated && host.setsid().isPresent()) {
            // Its own process group, so that a kill reaches children that were reparented after their parent died.
            command.add(host.setsid().get().toString());
        }
        var limits = spec.limits();
        host.prlimit().ifPresent(prlimit -> {
            command.add(prlimit.toString());
            long cpu = Math.max(1, limits.cpuTime().toSeconds());
            command.add("--cpu=" + cpu + ":" + (cpu + 1));
            command.add("--core=0");
            if (cgroup.isEmpty()) {
                // Address space is a crude stand-in for memory (it breaks programs that reserve much and use
                // little, such as JVMs), so it is only used where no cgroup can limit the real use.
                command.add("--as=" + limits.memoryBytes());
                user.ifPresent(ids -> command.add("--nproc=" + nprocFor(ids[0], limits.maxProcesses())));
            }
            command.add("--");
        });
        host.setpriv().ifPresent(setpriv -> user.ifPresent(ids -> command.addAll(List.of(setpriv.toString(),
                "--reuid=" + ids[0], "--regid=" + ids[1], "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                "--no-new-privs", "--"))));
        if (isolated) {
            command.addAll(bwrapArguments(host.bwrap().orElseThrow()));
        }
        command.addAll(spec.command());
        return command;
    }

    private List<String> bwrapArguments(Path bwrap) {
        var args = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all", "--unshare-user", "--disable-userns",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox"));
        if (spec.network()) {
            args.add("--share-net");
        }
        args.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (var top : SYSTEM_TOP) {
            var path = Path.of("/" + top);
            try {
                if (Files.isSymbolicLink(path)) {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } else if (Files.isDirectory(path)) {
                    args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
                }
            } catch (IOException unreadable) {
                // A folder we cannot read is one the program does not get.
            }
        }
        for (var name : etcEntries(spec.network())) {
            args.addAll(List.of("--ro-bind-try", "/etc/" + name, "/etc/" + name));
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--bind", root.toString(), root.toString(), "--remount-ro", "/", "--chdir", cwd.toString(), "--"));
        return args;
    }

    private static List<String> etcEntries(boolean network) {
        var names = new ArrayList<String>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/etc"))) {
            for (var entry : entries) {
                var name = entry.getFileName().toString();
                if (ETC.contains(name) || network && ETC_WITH_NETWORK.contains(name)
                        || ETC_PREFIXES.stream().anyMatch(name::startsWith)) {
                    names.add(name);
                }
            }
        } catch (IOException unreadable) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /**
     * RLIMIT_NPROC counts every task of the uid on the whole host, so the limit is what that uid already runs plus
     * the run's allowance. Used only where no pids cgroup exists.
     */
    static long nprocFor(int uid, int allowance) {
        long running = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (var process : processes) {
                running += threadsOf(process.resolve("status"), uid);
            }
        } catch (IOException unreadable) {
            return allowance;
        }
        return running + allowance;
    }

    private static long threadsOf(Path status, int uid) {
        try {
            boolean owned = false;
            for (var line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    owned = line.split("\\s+")[1].equals(Integer.toString(uid));
                } else if (line.startsWith("Threads:") && owned) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    static String quote(String argument) {
        if (!argument.isEmpty()
                && argument.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
