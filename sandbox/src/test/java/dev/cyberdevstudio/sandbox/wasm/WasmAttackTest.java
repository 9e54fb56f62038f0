package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real attacks by real guests (C built with clang for wasm32-wasi, WAT assembled by wat2wasm): each test fails if the
 * attack gets through.
 */
class WasmAttackTest {

    private static final Logger LOG = LoggerFactory.getLogger(WasmAttackTest.class);
    private static final WasmSandbox SANDBOX = new WasmSandbox();
    private static final String SECRET = "the host's secret";

    @TempDir
    Path temp;

    private Path project;
    private Path outside;

    @BeforeEach
    void layOutAProjectBesideASecret() throws Exception {
        project = Files.createDirectories(temp.resolve("project"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(project.resolve("input.txt"), "project file");
        Files.createDirectories(project.resolve("sub"));
    }

    private static RunResult finish(RunHandle run) throws Exception {
        return run.result().get(60, TimeUnit.SECONDS);
    }

    private record Attempt(RunResult result, CollectedOutput output) {
        boolean refused() {
            boolean refused = result.outcome().equals(new RunOutcome.Exited(1)) && output.stdout().startsWith("error");
            if (!refused) {
                LOG.warn("not refused: {} {}", result, output.chunks());
            }
            return refused;
        }
    }

    private Attempt files(String... args) throws Exception {
        var output = new CollectedOutput();
        var spec = WasiSpec.of(WasmPrograms.c("files")).withArgs(List.of(args)).withPreopen(project);
        var result = finish(SANDBOX.runWasi(spec, output));
        assertThat(output.stdout()).doesNotContain(SECRET);
        return new Attempt(result, output);
    }

    // --- runaway guests ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void stopsAnInfiniteLoopAtItsTimeLimit(ExecutionMode mode) throws Exception {
        var limit = Duration.ofMillis(300);
        var spec = WasiSpec.of(WasmPrograms.wat("loop")).withMode(mode)
            .withLimits(WasmLimits.defaults().withTimeout(limit));

        var result = finish(SANDBOX.runWasi(spec, CollectedOutput.ignoringOutput()));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.TimedOut(limit));
        assertThat(result.wallTime()).isGreaterThanOrEqualTo(limit).isLessThan(limit.plusSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void killStopsASpinningProgramWithinMilliseconds(ExecutionMode mode) throws Exception {
        var output = new CollectedOutput();
        var run = SANDBOX.runWasi(WasiSpec.of(WasmPrograms.c("spin")).withMode(mode), output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!output.stdout().contains("spinning") && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(50);
        assertThat(run.isRunning()).isTrue();

        long killed = System.nanoTime();
        run.kill();
        var result = finish(run);
        long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

        LOG.info("{}: kill to result {} ms", mode, stoppedMillis);
        assertThat(result.outcome()).isEqualTo(new RunOutcome.Killed("stopped on request"));
        assertThat(stoppedMillis).as("kill to result, ms").isLessThan(250);
    }

    @Test
    void runWasiReturnsAtOnceSoTheCallerStaysResponsive() throws Exception {
        var spec = WasiSpec.of(WasmPrograms.c("spin"));
        long started = System.nanoTime();
        var run = SANDBOX.runWasi(spec, CollectedOutput.ignoringOutput());
        long returnedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        run.kill();

        assertThat(returnedMillis).isLessThan(1_000);
        assertThat(finish(run).outcome()).isInstanceOf(RunOutcome.Killed.class);
    }

    @Test
    void callExportOfAnEndlessLoopEndsAtTheTimeLimit() {
        var module = SANDBOX.load(WasmPrograms.wat("loop"));
        var limits = WasmLimits.defaults().withTimeout(Duration.ofMillis(200));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SANDBOX.callExport(module, "spin", limits))
            .isInstanceOf(dev.cyberdevstudio.sandbox.SandboxException.class)
            .hasMessage("loop.wasm spin: stopped after the time limit of 200 ms");
    }

    // --- memory bombs -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void memoryGrowBombIsHeldAtTheCap(ExecutionMode mode) throws Exception {
        var limits = WasmLimits.ofMebibytes(4, Duration.ofSeconds(30));
        var spec = WasiSpec.of(WasmPrograms.wat("grow_bomb")).withLimits(limits).withMode(mode);

        var result = finish(SANDBOX.runWasi(spec, CollectedOutput.ignoringOutput()));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.LimitExceeded("memory: the program used all 4 MiB of "
            + "linear memory it may have and then crashed (Trapped on unreachable instruction)"));
        assertThat(result.peakMemoryBytes()).hasValue(4L * 1024 * 1024);
    }

    @Test
    void askingForTheWholeAddressSpaceAtOnceIsRefused() {
        var module = SANDBOX.load(WasmPrograms.wat("grow_bomb"));

        long[] answer = SANDBOX.callExport(module, "grow_all", WasmLimits.ofMebibytes(4, Duration.ofSeconds(10)));

        assertThat(answer).containsExactly(-1);
    }

    @Test
    void mallocBombGetsNoMoreThanTheCap() throws Exception {
        var output = new CollectedOutput();
        var spec = WasiSpec.of(WasmPrograms.c("malloc_bomb"))
            .withLimits(WasmLimits.ofMebibytes(16, Duration.ofSeconds(30)));

        var result = finish(SANDBOX.runWasi(spec, output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        var allocated = Integer.parseInt(output.stdout().replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertThat(allocated).isBetween(1, 15);
        assertThat(result.peakMemoryBytes().getAsLong()).isLessThanOrEqualTo(16L * 1024 * 1024);
    }

    @Test
    void refusesAModuleThatNeedsMoreMemoryThanTheCapJustToStart() throws Exception {
        var spec = WasiSpec.of(WasmPrograms.wat("big_memory"));

        var result = finish(SANDBOX.runWasi(spec, CollectedOutput.ignoringOutput()));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.LimitExceeded(
            "memory: big_memory.wasm asks for 125 MiB of memory at start, more than the cap of 64 MiB"));
    }

    // --- escapes from the preopened folder ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "/../secret.txt", "sub/../../secret.txt", "../outside/secret.txt",
        "/etc/passwd"})
    void guestCannotReadOutsideThroughDotDotOrAbsolutePaths(String path) throws Exception {
        assertThat(files("cat", path).refused()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "/etc/passwd", "sub/../../secret.txt", "/tmp"})
    void guestCannotEscapeWithRawWasiCallsEither(String path) throws Exception {
        var attempt = files("rawopen", path);

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.output().stdout()).startsWith("error rawopen: wasi errno");
    }

    @Test
    void guestCannotWriteOutside() throws Exception {
        assertThat(files("write", "../escaped.txt", "written by the guest").refused()).isTrue();
        assertThat(files("write", "/../escaped.txt", "written by the guest").refused()).isTrue();

        assertThat(temp.resolve("escaped.txt")).doesNotExist();
        try (var entries = Files.list(temp)) {
            assertThat(entries.map(entry -> entry.getFileName().toString()))
                .containsExactlyInAnyOrder("project", "outside", "secret.txt");
        }
    }

    @Test
    void hostSymlinkToAFileOutsideIsNotFollowed() throws Exception {
        Files.createSymbolicLink(project.resolve("leak.txt"), temp.resolve("secret.txt"));

        var attempt = files("cat", "leak.txt");

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.output().sandbox()).contains("refused: ", "secret.txt", "outside the preopened folder");
    }

    @Test
    void hostSymlinkToAFolderOutsideIsNotFollowedToReadListOrWrite() throws Exception {
        Files.createSymbolicLink(project.resolve("elsewhere"), outside);

        assertThat(files("cat", "elsewhere/secret.txt").refused()).isTrue();
        assertThat(files("rawopen", "elsewhere/secret.txt").refused()).isTrue();
        assertThat(files("ls", "elsewhere").refused()).isTrue();
        assertThat(files("write", "elsewhere/planted.txt", "planted").refused()).isTrue();

        try (var entries = Files.list(outside)) {
            assertThat(entries.map(entry -> entry.getFileName().toString())).containsExactly("secret.txt");
        }
    }

    @Test
    void symlinkToItselfCannotBeUsedToClimbOut() throws Exception {
        // On the host "dot" is the folder itself, so "dot/.." would be the folder's parent; the guest's "dot/.."
        // must stay inside (it is taken lexically, as the folder itself).
        Files.createSymbolicLink(project.resolve("dot"), Path.of("."));

        assertThat(files("cat", "dot/../secret.txt").refused()).isTrue();
        assertThat(files("rawopen", "dot/../secret.txt").refused()).isTrue();
        files("write", "dot/../escaped.txt", "x");

        assertThat(temp.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void hostSymlinkToAFolderOutsideIsNotFollowedBelowTheTopLevelEither() throws Exception {
        Files.createSymbolicLink(project.resolve("sub/deeper"), outside);

        assertThat(files("cat", "sub/deeper/secret.txt").refused()).isTrue();
        assertThat(files("cat", "sub/deeper/../../secret.txt").refused()).isTrue();
        assertThat(files("write", "sub/deeper/planted.txt", "planted").refused()).isTrue();
        assertThat(outside.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void symlinksThatStayInsideStillWork() throws Exception {
        Files.createSymbolicLink(project.resolve("alias.txt"), Path.of("input.txt"));
        Files.createSymbolicLink(project.resolve("sub/up"), Path.of(".."));

        assertThat(files("cat", "alias.txt").output().stdout()).isEqualTo("ok project file\n");
        assertThat(files("cat", "sub/up/input.txt").output().stdout()).isEqualTo("ok project file\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "/etc", "../outside"})
    void guestCannotCreateSymlinks(String target) throws Exception {
        var attempt = files("symlink", target, "made-by-guest");

        assertThat(attempt.refused()).isTrue();
        assertThat(project.resolve("made-by-guest")).doesNotExist();
        assertThat(Files.isSymbolicLink(project.resolve("made-by-guest"))).isFalse();
    }
}
