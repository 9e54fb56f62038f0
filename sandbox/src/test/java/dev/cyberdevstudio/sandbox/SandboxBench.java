package dev.cyberdevstudio.sandbox;

import dev.cyberdevstudio.sandbox.process.ProcessLimits;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.process.ProcessSpec;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints the cost of the process sandbox: a sandboxed {@code true} against a raw ProcessBuilder run (median of N,
 * bubblewrap and reduced), and the time from kill() to the last process of a run's tree being gone.
 *
 * <pre>
 * mvn -B -o -q -pl sandbox test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * java -cp sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/bench.cp) \
 *     dev.cyberdevstudio.sandbox.SandboxBench [RUNS]
 * </pre>
 */
public final class SandboxBench {

    private SandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        var project = Files.createTempDirectory("cds-bench", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        if (isRoot()) {
            Files.setAttribute(project, "unix:uid", 65534);
            Files.setAttribute(project, "unix:gid", 65534);
        }
        var isolated = ProcessSandbox.detect();
        var reduced = ProcessSandbox.reduced("bench");
        print("isolation: " + isolated.isolation().summary());

        double raw = median(runs, () -> {
            var process = new ProcessBuilder("true").start();
            process.waitFor();
        });
        double boxed = median(runs, () -> run(isolated, project));
        double plain = median(runs, () -> run(reduced, project));
        print(String.format(Locale.ROOT, "true, median of %d: raw ProcessBuilder %.2f ms, sandboxed (%s) %.2f ms "
                + "(overhead %.2f ms), reduced %.2f ms (overhead %.2f ms)", runs, raw, isolated.isIsolated()
                ? "bubblewrap" : "reduced", boxed, boxed - raw, plain, plain - raw));

        int kills = Math.max(20, runs / 3);
        var isolatedKill = killTimes(isolated, project, kills);
        var reducedKill = killTimes(reduced, project, kills);
        print(String.format(Locale.ROOT, "kill to last descendant gone, median of %d (max): %s %.2f ms (%.2f), "
                + "reduced %.2f ms (%.2f)", kills, isolated.isIsolated() ? "bubblewrap" : "reduced",
                median(isolatedKill), max(isolatedKill), median(reducedKill), max(reducedKill)));
        Files.deleteIfExists(project);
        System.exit(0);
    }

    private static void run(ProcessSandbox sandbox, Path project) {
        var result = sandbox.start(ProcessSpec.of(project, List.of("true")), OutputListener.ignoring()).result().join();
        if (!result.succeeded()) {
            throw new IllegalStateException("sandboxed true failed: " + result.outcome().describe());
        }
    }

    /** Kill a run of a shell with two background sleeps; time until none of the tree is alive (zombies count dead). */
    private static double[] killTimes(ProcessSandbox sandbox, Path project, int count) throws Exception {
        var times = new double[count];
        for (int i = 0; i < count; i++) {
            var started = new CountDownLatch(1);
            var spec = ProcessSpec.of(project, List.of("sh", "-c", "sleep 60 & sleep 60 & echo started; wait"))
                    .withLimits(ProcessLimits.defaults().withWallTimeout(Duration.ofSeconds(30)));
            var before = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
            var run = sandbox.start(spec, chunk -> {
                if (chunk.text().contains("started")) {
                    started.countDown();
                }
            });
            if (!started.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the run did not start");
            }
            var tree = new ArrayList<Long>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (tree.size() < 3 && System.nanoTime() < deadline) {
                tree.clear();
                ProcessHandle.current().descendants().map(ProcessHandle::pid).filter(p -> !before.contains(p))
                        .forEach(tree::add);
            }
            long t0 = System.nanoTime();
            run.kill();
            while (tree.stream().anyMatch(SandboxBench::alive)) {
                Thread.onSpinWait();
            }
            times[i] = (System.nanoTime() - t0) / 1e6;
            run.result().join();
        }
        return times;
    }

    private static boolean alive(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static double median(int runs, Action action) throws Exception {
        for (int i = 0; i < 5; i++) {
            action.run();
        }
        var times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            action.run();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(times);
    }

    private static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("SystemOut")
    private static void print(String line) {
        System.out.println(line);
    }
}
