package dev.cyberdevstudio.sandbox.process;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Projects, output collectors and process accounting shared by the process sandbox tests. */
final class SandboxTesting {

    private static ProcessSandbox detected;

    private SandboxTesting() {
    }

    static synchronized ProcessSandbox detected() {
        if (detected == null) {
            detected = ProcessSandbox.detect();
        }
        return detected;
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A project folder the sandbox user may write: when the tests run as root the sandbox drops to the folder's
     * owner, so the folder is given to nobody (65534).
     */
    static Path project() throws IOException {
        var folder = Files.createTempDirectory("cds-project", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        if (isRoot()) {
            Files.setAttribute(folder, "unix:uid", ProcessSandbox.NOBODY);
            Files.setAttribute(folder, "unix:gid", ProcessSandbox.NOBODY);
        }
        return folder;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static RunResult await(RunHandle run) throws Exception {
        return run.result().get(60, TimeUnit.SECONDS);
    }

    /** Pids of live (not zombie) processes owned by a uid. */
    static Set<Long> livePidsOf(int uid) throws IOException {
        var pids = new HashSet<Long>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    var status = Files.readAllLines(process.resolve("status"));
                    boolean zombie = status.stream().anyMatch(l -> l.startsWith("State:") && l.contains("Z"));
                    boolean owned = status.stream().anyMatch(l -> l.startsWith("Uid:")
                            && l.split("\\s+")[1].equals(Integer.toString(uid)));
                    if (owned && !zombie) {
                        pids.add(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            }
        }
        return pids;
    }

    static boolean alive(long pid) {
        var status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream().noneMatch(l -> l.startsWith("State:") && l.contains("Z"));
        } catch (IOException gone) {
            return false;
        }
    }

    /** Records every chunk with the time it arrived. */
    static final class Collector implements OutputListener {
        record Timed(OutputChunk chunk, long nanos) { }

        private final List<Timed> chunks = new ArrayList<>();

        @Override
        public synchronized void onOutput(OutputChunk chunk) {
            chunks.add(new Timed(chunk, System.nanoTime()));
        }

        synchronized List<Timed> chunks() {
            return List.copyOf(chunks);
        }

        synchronized String text(OutputChannel channel) {
            var text = new StringBuilder();
            chunks.stream().filter(c -> c.chunk().channel() == channel).forEach(c -> text.append(c.chunk().text()));
            return text.toString();
        }

        synchronized String all() {
            var text = new StringBuilder();
            chunks.forEach(c -> text.append(c.chunk().text()));
            return text.toString();
        }

        synchronized long bytes(OutputChannel channel) {
            return text(channel).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
    }
}
