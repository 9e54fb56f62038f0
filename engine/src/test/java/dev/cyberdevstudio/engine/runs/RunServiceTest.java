package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The run service against real processes (through the plain test launcher) and an in-memory history. */
@DisabledOnOs(OS.WINDOWS)
class RunServiceTest {

    @TempDir
    Path project;

    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private RunService runs = new RunService(new TestProcessLauncher(), history);

    @AfterEach
    void killLeftovers() {
        runs.close();
    }

    @Test
    void streamsOutputWhileTheRunIsStillGoing() throws Exception {
        var session = runs.start(command("sh -c 'echo one; sleep 1; echo two'"));
        var seenWhileRunning = new CompletableFuture<Boolean>();
        session.subscribe(chunk -> {
            if (chunk.text().contains("one")) {
                seenWhileRunning.complete(session.isRunning());
            }
        });

        assertThat(seenWhileRunning.get(10, TimeUnit.SECONDS)).isTrue();
        var result = session.result().get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(session.output()).isEqualTo("one\ntwo\n");
    }

    @Test
    void keepsStdoutAndStderrApartForSubscribers() throws Exception {
        var chunks = new CopyOnWriteArrayList<OutputChunk>();
        var session = runs.start(command("sh -c 'echo out; echo err >&2; exit 3'"));
        session.subscribe(chunks::add);

        var result = session.result().get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(3));
        assertThat(chunks).contains(new OutputChunk(OutputChannel.STDOUT, "out\n"),
                new OutputChunk(OutputChannel.STDERR, "err\n"));
    }

    @Test
    void recordsTheFinishedRunInTheHistory() throws Exception {
        var session = runs.start(command("echo hello-history"));
        session.result().get(10, TimeUnit.SECONDS);

        var recorded = runs.history(10);
        assertThat(recorded).hasSize(1);
        var run = recorded.getFirst();
        assertThat(run.id()).isEqualTo(session.id());
        assertThat(run.description()).isEqualTo("echo hello-history");
        assertThat(run.exitCode()).hasValue(0);
        assertThat(run.outputExcerpt()).isEqualTo("hello-history\n");
        assertThat(run.isolation()).isEqualTo(TestProcessLauncher.ISOLATION);
        assertThat(run.request()).isEqualTo(session.request());
        assertThat(runs.record(session.id())).contains(run);
    }

    @Test
    void killStopsALongRunAndItsChildrenQuickly() throws Exception {
        var session = runs.start(command("sh -c 'sleep 30 & sleep 30; wait'"));
        Thread.sleep(200);
        var children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();

        long before = System.nanoTime();
        session.kill();
        var result = session.result().get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.outcome()).isInstanceOf(RunOutcome.Killed.class);
        awaitGone(children);
        assertThat(runs.history(1).getFirst().result().outcome()).isInstanceOf(RunOutcome.Killed.class);
    }

    @Test
    void aMissingProgramEndsWithAClearMessageInTheOutputAndTheHistory() throws Exception {
        var session = runs.start(command("no-such-program-4711 --flag"));

        var result = session.result().get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(result.outcome().describe()).contains("no-such-program-4711", "no such program");
        assertThat(session.output()).contains("Cannot run no-such-program-4711");
        assertThat(runs.history(1).getFirst().outputExcerpt()).contains("Cannot run no-such-program-4711");
    }

    @Test
    void anEngineThatIsNotThereIsRefusedWithASentence() throws Exception {
        runs = new RunService(RunLaunchers.byKind(Map.of(RunRequest.Kind.PROCESS, new TestProcessLauncher())),
                history);
        var session = runs.start(RunRequest.WasmRun.wasi(project.resolve("app.wasm"), List.of(), project));

        var result = session.result().get(10, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("WASM runs are not available in this studio."));
        assertThat(session.isolation().level()).isEqualTo(Isolation.Level.REDUCED);
        assertThat(session.isRunning()).isFalse();
    }

    @Test
    void aFloodKeepsOnlyTheTailButEveryChunkReachesSubscribers() throws Exception {
        runs = new RunService(new TestProcessLauncher(), history, Clock.systemUTC(), 64 * 1024);
        var received = new AtomicLong();
        var session = runs.start(command("sh -c 'yes | head -c 5000000'"));
        session.subscribe(chunk -> received.addAndGet(chunk.text().length()));

        var result = session.result().get(60, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(received.get()).isEqualTo(5_000_000);
        assertThat(session.output()).hasSize(64 * 1024).startsWith("y\n");
        var excerpt = runs.history(1).getFirst().outputExcerpt();
        assertThat(excerpt).startsWith(RunService.EARLIER_OUTPUT_DROPPED);
        assertThat(excerpt.length()).isEqualTo(RunService.EARLIER_OUTPUT_DROPPED.length() + RunService.EXCERPT_CHARS);
    }

    @Test
    void aLateSubscriberGetsWhatCameBeforeThenTheRest() throws Exception {
        var session = runs.start(command("sh -c 'echo first; sleep 0.5; echo second'"));
        var seen = new StringBuilder();
        var first = new CompletableFuture<Void>();
        session.subscribe(chunk -> {
            if (chunk.text().contains("first")) {
                first.complete(null);
            }
        });
        first.get(10, TimeUnit.SECONDS);

        session.subscribe(chunk -> seen.append(chunk.text()));
        session.result().get(10, TimeUnit.SECONDS);

        assertThat(seen.toString()).isEqualTo("first\nsecond\n");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheRun() throws Exception {
        var session = runs.start(command("sh -c 'sleep 0.2; echo a; echo b'"));
        var seen = new StringBuffer();
        session.subscribe(chunk -> {
            throw new IllegalStateException("a broken view");
        });
        var subscription = session.subscribe(chunk -> seen.append(chunk.text()));

        assertThat(session.result().get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(seen.toString()).isEqualTo("a\nb\n");
        subscription.close();
        subscription.close();
    }

    @Test
    void rerunStartsTheSameRequestAgainAsANewRun() throws Exception {
        var first = runs.start(command("echo again"));
        first.result().get(10, TimeUnit.SECONDS);

        var second = runs.rerun(first.id());
        second.result().get(10, TimeUnit.SECONDS);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.request()).isEqualTo(first.request());
        assertThat(second.output()).isEqualTo("again\n");
        assertThat(runs.history(10)).hasSize(2);
    }

    @Test
    void rerunFindsARunThatOnlyTheHistoryStillKnows() throws Exception {
        var first = runs.start(command("echo from-history"));
        first.result().get(10, TimeUnit.SECONDS);
        var restarted = new RunService(new TestProcessLauncher(), history);

        var again = restarted.rerun(first.id());

        assertThat(again.result().get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(again.output()).isEqualTo("from-history\n");
        assertThatThrownBy(() -> restarted.rerun("no-such-run")).isInstanceOf(EngineException.class)
                .hasMessageContaining("no-such-run");
    }

    @Test
    void savesTheOutputAsPlainTextAtomically() throws Exception {
        var session = runs.start(command("printf '\\033[1;31mred\\033[0m plain\\n'"));
        session.result().get(10, TimeUnit.SECONDS);
        var file = project.resolve("run.log");
        Files.writeString(file, "old content");

        runs.saveOutput(session.id(), file);

        assertThat(Files.readString(file)).isEqualTo("red plain\n");
        try (var leftovers = Files.list(project)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void savesTheHistoryExcerptOfARunNoLongerInMemory() throws Exception {
        var first = runs.start(command("echo kept"));
        first.result().get(10, TimeUnit.SECONDS);
        var restarted = new RunService(new TestProcessLauncher(), history);
        var file = project.resolve("kept.log");

        restarted.saveOutput(first.id(), file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("kept\n");
    }

    @Test
    void savingToAMissingFolderOrAnUnknownRunSaysWhy() throws Exception {
        var session = runs.start(command("echo x"));
        session.result().get(10, TimeUnit.SECONDS);
        var file = project.resolve("missing/run.log");

        assertThatThrownBy(() -> runs.saveOutput(session.id(), file)).isInstanceOf(EngineException.class)
                .hasMessageContaining("Cannot save the output to " + file).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> runs.saveOutput("nope", file)).isInstanceOf(EngineException.class)
                .hasMessageContaining("There is no run nope");
    }

    @Test
    void closingKillsTheRunsStillGoingAndRefusesNewOnes() throws Exception {
        var session = runs.start(command("sleep 30"));

        runs.close();

        assertThat(session.result().get(5, TimeUnit.SECONDS).outcome()).isInstanceOf(RunOutcome.Killed.class);
        assertThatThrownBy(() -> runs.start(command("true"))).isInstanceOf(EngineException.class);
    }

    @Test
    void aLauncherWhoseResultBreaksStillEndsTheRunAsFailed() throws Exception {
        var broken = new CompletableFuture<RunResult>();
        runs = new RunService(launcher(handle(broken)), history);
        var session = runs.start(command("anything"));

        broken.completeExceptionally(new IllegalStateException("the host went away"));

        assertThat(session.result().get(5, TimeUnit.SECONDS).outcome())
                .isEqualTo(new RunOutcome.Failed("the host went away"));
        assertThat(session.output()).isEqualTo("the host went away\n");
    }

    @Test
    void aHistoryThatFailsDoesNotKeepTheRunFromEnding() throws Exception {
        var failing = new RunHistory() {
            @Override
            public void record(RunRecord run) {
                throw new EngineException("the database is gone");
            }

            @Override
            public List<RunRecord> recent(int limit) {
                throw new EngineException("the database is gone");
            }

            @Override
            public Optional<RunRecord> find(String id) {
                throw new EngineException("the database is gone");
            }
        };
        runs = new RunService(new TestProcessLauncher(), failing);

        var session = runs.start(command("echo still-works"));

        assertThat(session.result().get(10, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(runs.history(5)).isEmpty();
        assertThat(runs.record(session.id())).isEmpty();
        assertThat(runs.rerun(session.id()).result().get(10, TimeUnit.SECONDS).succeeded()).isTrue();
    }

    @Test
    void killBeforeTheLauncherHandsBackTheHandleStillKills() throws Exception {
        var killed = new AtomicBoolean();
        var result = new CompletableFuture<RunResult>();
        var handle = new RunHandle() {
            @Override
            public String description() {
                return "slow start";
            }

            @Override
            public Isolation isolation() {
                return Isolation.remote("over ssh");
            }

            @Override
            public CompletableFuture<RunResult> result() {
                return result;
            }

            @Override
            public void kill() {
                killed.set(true);
                result.complete(new RunResult(new RunOutcome.Killed("by test"), Duration.ZERO,
                        OptionalLong.empty(), false));
            }
        };
        var session = new RunSession("id", command("x"), Instant.EPOCH, Isolation.reduced("r"), 100);
        session.kill();
        session.started(handle);

        assertThat(killed).isTrue();
        assertThat(session.isolation()).isEqualTo(Isolation.remote("over ssh"));
        assertThat(session.description()).isEqualTo("slow start");
    }

    @Test
    void tellsTheIsolationOfEachKindAndTheSshTargets() {
        var launcher = new RunLauncher() {
            @Override
            public RunHandle launch(RunRequest request, OutputListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Isolation isolationFor(RunRequest.Kind kind) {
                if (kind == RunRequest.Kind.WASM) {
                    throw new IllegalStateException("chicory missing");
                }
                return Isolation.isolated("bubblewrap");
            }

            @Override
            public List<String> sshTargets() {
                return List.of("build-box");
            }
        };
        runs = new RunService(launcher, history);

        assertThat(runs.isolationFor(RunRequest.Kind.PROCESS)).isEqualTo(Isolation.isolated("bubblewrap"));
        assertThat(runs.isolationFor(RunRequest.Kind.WASM).summary()).contains("chicory missing");
        assertThat(runs.sshTargets()).containsExactly("build-box");
    }

    @Test
    void plainTextDropsColourAndTitleEscapes() {
        assertThat(RunService.plain("\u001B[38;5;208morange\u001B[0m \u001B]0;title\u0007done\u001B[2K"))
                .isEqualTo("orange done");
    }

    private static void awaitGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    private RunRequest.ProcessRun command(String line) {
        return RunRequest.ProcessRun.ofCommandLine(line, project);
    }

    private static RunLauncher launcher(RunHandle handle) {
        return new RunLauncher() {
            @Override
            public RunHandle launch(RunRequest request, OutputListener listener) {
                return handle;
            }

            @Override
            public Isolation isolationFor(RunRequest.Kind kind) {
                return Isolation.reduced("test");
            }
        };
    }

    private static RunHandle handle(CompletableFuture<RunResult> result) {
        return new RunHandle() {
            @Override
            public String description() {
                return "broken";
            }

            @Override
            public Isolation isolation() {
                return Isolation.reduced("test");
            }

            @Override
            public CompletableFuture<RunResult> result() {
                return result;
            }

            @Override
            public void kill() {
                result.complete(new RunResult(new RunOutcome.Killed("test"), Duration.ZERO,
                        OptionalLong.empty(), false));
            }
        };
    }
}
