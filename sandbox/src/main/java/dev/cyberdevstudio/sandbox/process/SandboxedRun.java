package dev.cyberdevstudio.sandbox.process;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One started process: its output pumps, its limits watched, its whole tree killed when it must stop. */
final class SandboxedRun implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxedRun.class);
    private static final long SIGXCPU_EXIT = 128 + 24;
    private static final long MIB = 1024L * 1024L;
    private static final Duration WATCH_PERIOD = Duration.ofMillis(50);
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sandbox-watch").factory());

    private final String description;
    private final Isolation isolation;
    private final ProcessLimits limits;
    private final OutputListener listener;
    private final Optional<RunCgroup> cgroup;
    private final Optional<Cgroups> cgroupOwner;
    private final boolean ownProcessGroup;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicReference<RunOutcome> stopReason = new AtomicReference<>();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final Object outputLock = new Object();
    private long outputBytes;
    private boolean truncated;
    private Process process;
    private long startNanos;
    private Optional<Path> temporaryHome = Optional.empty();

    /** A run's control group and the host groups it goes back to. */
    record Group(RunCgroup cgroup, Cgroups owner) { }

    private SandboxedRun(String description, Isolation isolation, ProcessLimits limits, OutputListener listener,
                         Optional<Group> group, boolean ownProcessGroup) {
        this.description = description;
        this.isolation = isolation;
        this.limits = limits;
        this.listener = listener;
        this.cgroup = group.map(Group::cgroup);
        this.cgroupOwner = group.map(Group::owner);
        this.ownProcessGroup = ownProcessGroup;
    }

    /** A run that never started; its message is also sent to the listener, so the output pane shows it. */
    static RunHandle failed(String description, Isolation isolation, String message, OutputListener listener) {
        var run = new SandboxedRun(description, isolation, ProcessLimits.defaults(), listener, Optional.empty(), false);
        run.emit(OutputChannel.SANDBOX, "[sandbox] " + message + "\n");
        run.result.complete(new RunResult(new RunOutcome.Failed(message), Duration.ZERO, OptionalLong.empty(), false));
        return run;
    }

    static RunHandle start(LaunchPlan plan, List<String> command, Isolation isolation, Optional<Group> cgroup,
                           OutputListener listener, boolean ownProcessGroup) {
        var run = new SandboxedRun(plan.description(), isolation, plan.spec().limits(), listener, cgroup,
                ownProcessGroup);
        run.launch(plan, command, isolation.level() == Isolation.Level.ISOLATED);
        return run;
    }

    private void launch(LaunchPlan plan, List<String> command, boolean isolated) {
        try {
            Path home;
            if (isolated) {
                home = Path.of("/tmp");
            } else {
                home = Files.createTempDirectory("cyberdevstudio-home");
                temporaryHome = Optional.of(home);
                if (plan.user().isPresent()) {
                    Files.setAttribute(home, "unix:uid", plan.user().get()[0]);
                    Files.setAttribute(home, "unix:gid", plan.user().get()[1]);
                }
            }
            var builder = new ProcessBuilder(command).directory(plan.cwd().toFile());
            builder.environment().clear();
            builder.environment().putAll(plan.environment(home));
            startNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            var message = "could not start " + plan.description() + ": " + e.getMessage();
            LOG.info("Run failed to start: {}", message);
            emit(OutputChannel.SANDBOX, "[sandbox] " + message + "\n");
            cleanUp();
            result.complete(new RunResult(new RunOutcome.Failed(message), Duration.ZERO, OptionalLong.empty(),
                    false));
            return;
        }
        closeQuietly(process.getOutputStream());
        var out = pump(process.getInputStream(), OutputChannel.STDOUT);
        var err = pump(process.getErrorStream(), OutputChannel.STDERR);
        var timeout = WATCHER.schedule(() -> stop(new RunOutcome.TimedOut(limits.wallTimeout())),
                limits.wallTimeout().toNanos(), TimeUnit.NANOSECONDS);
        var watch = WATCHER.scheduleAtFixedRate(this::watch, WATCH_PERIOD.toMillis(), WATCH_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        Thread.ofVirtual().name("sandbox-wait").start(() -> awaitEnd(out, err, timeout, watch));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Isolation isolation() {
        return isolation;
    }

    @Override
    public CompletableFuture<RunResult> result() {
        return result;
    }

    @Override
    public void kill() {
        stop(new RunOutcome.Killed("stopped on request"));
    }

    /** Operating-system id of the outermost process of the run, for tests and diagnostics. */
    OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    private void stop(RunOutcome reason) {
        if (result.isDone() || !stopReason.compareAndSet(null, reason)) {
            return;
        }
        emit(OutputChannel.SANDBOX, "\n[sandbox] " + reason.describe() + "\n");
        killTree();
    }

    private void killTree() {
        if (process == null) {
            return;
        }
        // Snapshot first: once the parent dies its children are reparented and no longer its descendants.
        var descendants = process.descendants().toList();
        if (ownProcessGroup && process.isAlive()) {
            killGroup(process.pid());
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        cgroup.ifPresent(RunCgroup::killAll);
    }

    private static void killGroup(long groupId) {
        try {
            var kill = new ProcessBuilder("kill", "-KILL", "--", "-" + groupId).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.debug("Could not kill process group {}: {}", groupId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        try {
            if (cgroup.isPresent()) {
                var group = cgroup.get();
                if (group.processLimitHit()) {
                    stop(new RunOutcome.LimitExceeded("process limit of " + limits.maxProcesses()
                            + " processes (the run tried to start more)"));
                } else if (group.memoryLimitHit()) {
                    stop(memoryExceeded());
                } else if (group.cpuNanos().orElse(0) > limits.cpuTime().toNanos()) {
                    stop(cpuExceeded());
                }
            } else {
                sampleMemory();
            }
        } catch (RuntimeException e) {
            LOG.debug("Watching a run failed: {}", e.toString());
        }
    }

    private RunOutcome memoryExceeded() {
        return new RunOutcome.LimitExceeded("memory limit of " + limits.memoryBytes() / MIB + " MiB");
    }

    private RunOutcome cpuExceeded() {
        return new RunOutcome.LimitExceeded("CPU time limit of " + limits.cpuTime().toSeconds() + " s");
    }

    // Without a cgroup the peak is sampled from /proc: a spike shorter than the watch period can be missed.
    private void sampleMemory() {
        if (process == null || !process.isAlive()) {
            return;
        }
        long total = residentBytes(process.pid());
        for (var child : process.descendants().toList()) {
            total += residentBytes(child.pid());
        }
        sampledPeak.accumulateAndGet(total, Math::max);
    }

    private static long residentBytes(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.split("\\s+")[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    private void awaitEnd(Thread out, Thread err, ScheduledFuture<?> timeout, ScheduledFuture<?> watch) {
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(new RunOutcome.Killed("the studio is shutting down"));
            exitCode = -1;
        }
        var wall = Duration.ofNanos(System.nanoTime() - startNanos);
        timeout.cancel(false);
        watch.cancel(false);
        // Whatever the program left running in the background ends with it; nothing of a run outlives the run.
        cgroup.ifPresent(RunCgroup::killAll);
        if (!joined(out, err, Duration.ofMillis(50))) {
            if (ownProcessGroup) {
                killGroup(process.pid());
            }
            joinOrClose(out, err);
        }
        var outcome = decide(exitCode);
        var peak = cgroup.flatMap(group -> {
            var value = group.peakMemory();
            return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.<Long>empty();
        }).map(OptionalLong::of).orElseGet(() -> sampledPeak.get() > 0 ? OptionalLong.of(sampledPeak.get())
                : OptionalLong.empty());
        boolean cut;
        synchronized (outputLock) {
            cut = truncated;
        }
        // The private home goes before the result is out, so a caller never sees a finished run's files linger.
        temporaryHome.ifPresent(SandboxedRun::deleteTree);
        result.complete(new RunResult(outcome, wall, peak, cut));
        // Off the result's path: reaching a process group costs a helper process, removing a cgroup 10-20 ms.
        if (ownProcessGroup) {
            killGroup(process.pid());
        }
        cleanUp();
    }

    private static boolean joined(Thread out, Thread err, Duration wait) {
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            out.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            err.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !out.isAlive() && !err.isAlive();
    }

    private RunOutcome decide(int exitCode) {
        var stopped = stopReason.get();
        if (stopped != null) {
            return stopped;
        }
        if (cgroup.isPresent() && cgroup.get().memoryLimitHit()) {
            var outcome = memoryExceeded();
            emit(OutputChannel.SANDBOX, "\n[sandbox] " + outcome.describe() + "\n");
            return outcome;
        }
        if (exitCode == SIGXCPU_EXIT) {
            var outcome = cpuExceeded();
            emit(OutputChannel.SANDBOX, "\n[sandbox] " + outcome.describe() + "\n");
            return outcome;
        }
        if (exitCode != 0 && cgroup.isPresent() && cgroup.get().processLimitHit()) {
            var outcome = new RunOutcome.LimitExceeded("process limit of " + limits.maxProcesses() + " processes");
            emit(OutputChannel.SANDBOX, "\n[sandbox] " + outcome.describe() + "\n");
            return outcome;
        }
        return new RunOutcome.Exited(exitCode);
    }

    private void joinOrClose(Thread out, Thread err) {
        try {
            out.join(Duration.ofSeconds(2));
            err.join(Duration.ofSeconds(1));
            if (out.isAlive() || err.isAlive()) {
                // Something outside our reach still holds the pipes: stop reading rather than hang the result.
                closeQuietly(process.getInputStream());
                closeQuietly(process.getErrorStream());
                out.join(Duration.ofSeconds(1));
                err.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cleanUp() {
        cgroup.ifPresent(group -> cgroupOwner.ifPresentOrElse(owner -> owner.release(group), group::close));
        temporaryHome.ifPresent(SandboxedRun::deleteTree);
    }

    private Thread pump(InputStream stream, OutputChannel channel) {
        return Thread.ofPlatform().daemon().name("sandbox-" + channel.name().toLowerCase(java.util.Locale.ROOT))
                .start(() -> {
                    var decoder = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE);
                    var bytes = ByteBuffer.allocate(16 * 1024);
                    var chars = CharBuffer.allocate(16 * 1024);
                    var buffer = new byte[8 * 1024];
                    try (stream) {
                        int read;
                        while ((read = stream.read(buffer)) >= 0) {
                            int admitted = admit(read);
                            if (admitted > 0) {
                                bytes.put(buffer, 0, admitted);
                                decode(decoder, bytes, chars, channel, false);
                            }
                            if (admitted < read) {
                                overflowed(decoder, bytes, chars, channel);
                            }
                        }
                    } catch (IOException closed) {
                        // The process ended or the run closed its pipes; what was read has been delivered.
                    }
                    decode(decoder, bytes, chars, channel, true);
                });
    }

    private int admit(int read) {
        synchronized (outputLock) {
            long room = Math.max(0, limits.maxOutputBytes() - outputBytes);
            int admitted = (int) Math.min(read, room);
            outputBytes += admitted;
            return admitted;
        }
    }

    private void overflowed(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, OutputChannel channel) {
        synchronized (outputLock) {
            if (truncated) {
                return;
            }
            truncated = true;
        }
        decode(decoder, bytes, chars, channel, true);
        emit(OutputChannel.SANDBOX, "\n[sandbox] output cut after " + limits.maxOutputBytes() + " bytes (the run's "
                + "output limit); " + (limits.onOverflow() == OverflowAction.KILL ? "stopping the run"
                : "the run goes on, its further output is discarded") + "\n");
        if (limits.onOverflow() == OverflowAction.KILL) {
            stop(new RunOutcome.LimitExceeded("output limit of " + limits.maxOutputBytes() + " bytes"));
        }
    }

    // Keeps an incomplete UTF-8 sequence at the end of a read for the next one, so no character is split in two.
    private void decode(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, OutputChannel channel,
                        boolean endOfInput) {
        bytes.flip();
        decoder.decode(bytes, chars, endOfInput);
        if (endOfInput) {
            decoder.flush(chars);
            decoder.reset();
            bytes.clear();
        } else {
            bytes.compact();
        }
        chars.flip();
        if (chars.hasRemaining()) {
            emit(channel, chars.toString());
        }
        chars.clear();
    }

    private void emit(OutputChannel channel, String text) {
        try {
            listener.onOutput(new OutputChunk(channel, text));
        } catch (RuntimeException e) {
            LOG.warn("An output listener of run '{}' failed; its output goes on without it", description, e);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing a pipe of a finished process cannot fail in a way that matters.
        }
    }

    private static void deleteTree(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.debug("Could not remove the run's home {}: {}", folder, e.toString());
        }
    }
}
