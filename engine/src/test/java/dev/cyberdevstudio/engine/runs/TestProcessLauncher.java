package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TEST launcher: runs a {@link RunRequest.ProcessRun} as a plain {@link ProcessBuilder} process, with no sandbox,
 * so that the run service is tested against real programs before the process sandbox is merged. It streams both
 * outputs, kills the whole process tree, and samples the peak resident memory from {@code /proc}. The app's execution
 * view tests use it too, through the engine's test jar.
 */
public final class TestProcessLauncher implements RunLauncher {

    static final Isolation ISOLATION = Isolation.reduced("test launcher: a plain process without a sandbox");

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        if (!(request instanceof RunRequest.ProcessRun run)) {
            throw new EngineException(request.kind().label() + " runs are not available in the test launcher.");
        }
        var builder = new ProcessBuilder(run.command()).directory(run.workingFolder().toFile());
        var environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("HOME", run.projectRoot().toString());
        environment.put("LANG", "C.UTF-8");
        environment.putAll(run.environment());
        try {
            return new Running(run.describe(), builder.start(), listener);
        } catch (IOException e) {
            throw new EngineException("Cannot run " + run.command().getFirst() + ": no such program, or it cannot be"
                    + " executed (is it installed and on the PATH?)", e);
        }
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return ISOLATION;
    }

    private static final class Running implements RunHandle {

        private final String description;
        private final Process process;
        private final long started = System.nanoTime();
        private final AtomicLong peakBytes = new AtomicLong(-1);
        private final CompletableFuture<RunResult> result = new CompletableFuture<>();
        private volatile boolean killed;

        Running(String description, Process process, OutputListener listener) {
            this.description = description;
            this.process = process;
            var out = Thread.ofVirtual().start(() -> pump(process.getInputStream(), OutputChannel.STDOUT, listener));
            var err = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), OutputChannel.STDERR, listener));
            Thread.ofVirtual().start(() -> {
                while (process.isAlive()) {
                    sampleMemory();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.ofVirtual().start(() -> {
                try {
                    int code = process.waitFor();
                    out.join();
                    err.join();
                    var outcome = killed ? new RunOutcome.Killed("stopped by the user") : new RunOutcome.Exited(code);
                    var peak = peakBytes.get();
                    result.complete(new RunResult(outcome, Duration.ofNanos(System.nanoTime() - started),
                            peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), false));
                } catch (InterruptedException e) {
                    result.complete(new RunResult(new RunOutcome.Failed("interrupted"), Duration.ZERO,
                            OptionalLong.empty(), false));
                }
            });
        }

        private void sampleMemory() {
            try {
                for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        var kib = Long.parseLong(line.substring(6).replace("kB", "").strip());
                        peakBytes.accumulateAndGet(kib * 1024, Math::max);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between isAlive and the read
            }
        }

        private static void pump(InputStream stream, OutputChannel channel, OutputListener listener) {
            try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                var buffer = new char[8192];
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                    if (read > 0) {
                        listener.onOutput(new OutputChunk(channel, new String(buffer, 0, read)));
                    }
                }
            } catch (IOException closed) {
                // the process was killed while we read
            }
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Isolation isolation() {
            return ISOLATION;
        }

        @Override
        public CompletableFuture<RunResult> result() {
            return result;
        }

        @Override
        public void kill() {
            killed = true;
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
