package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WASI programs built from C: what goes in (args, environment, stdin, a folder) and what comes out. */
class WasiRunTest {

    private static final WasmSandbox SANDBOX = new WasmSandbox();

    @TempDir
    Path project;

    static RunResult finish(dev.cyberdevstudio.sandbox.run.RunHandle run) throws Exception {
        return run.result().get(60, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void passesArgumentsEnvironmentAndStdinAndReturnsTheExitCode(ExecutionMode mode) throws Exception {
        var output = new CollectedOutput();
        var spec = WasiSpec.of(WasmPrograms.c("echo"))
            .withArgs(List.of("7", "two words"))
            .withEnv(Map.of("GREETING", "hello sandbox"))
            .withStdin("shout this\n".getBytes(StandardCharsets.UTF_8))
            .withMode(mode);

        var result = finish(SANDBOX.runWasi(spec, output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(7));
        assertThat(output.stdout()).contains("arg[0]=echo.wasm\n", "arg[1]=7\n", "arg[2]=two words\n",
            "GREETING=hello sandbox\n", "SHOUT THIS\n");
        assertThat(output.stderr()).isEqualTo("to stderr\n");
        assertThat(result.outputTruncated()).isFalse();
        assertThat(result.peakMemoryBytes()).isPresent();
        assertThat(result.peakMemoryBytes().getAsLong()).isPositive()
            .isLessThanOrEqualTo(spec.limits().maxMemoryBytes());
    }

    @Test
    void inheritsNothingFromTheStudio() throws Exception {
        var output = new CollectedOutput();

        var result = finish(SANDBOX.runWasi(WasiSpec.of(WasmPrograms.c("echo")), output));

        assertThat(result.succeeded()).isTrue();
        assertThat(System.getenv("HOME")).isNotNull();
        assertThat(output.stdout()).contains("HOME=(unset)", "GREETING=(unset)");
    }

    @Test
    void describesTheRunAndItsIsolation() {
        var spec = WasiSpec.of(WasmPrograms.c("echo")).withArgs(List.of("3")).withPreopen(project)
            .withLimits(WasmLimits.ofMebibytes(8, Duration.ofSeconds(5)));

        var run = SANDBOX.runWasi(spec, CollectedOutput.ignoringOutput());

        assertThat(run.description()).isEqualTo("echo.wasm 3 (compiled)");
        assertThat(run.isolation().level()).isEqualTo(Isolation.Level.ISOLATED);
        assertThat(run.isolation().summary())
            .isEqualTo("WebAssembly: memory capped at 8 MiB, only " + project + " visible (as /), no network");
        assertThat(run.result().join().outcome()).isEqualTo(new RunOutcome.Exited(3));
        assertThat(run.isRunning()).isFalse();
    }

    @Test
    void streamsOutputWhileTheProgramStillRuns() throws Exception {
        var output = new CollectedOutput();
        var run = SANDBOX.runWasi(WasiSpec.of(WasmPrograms.c("spin")), output);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!output.stdout().contains("spinning") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(output.stdout()).isEqualTo("spinning\n");
            assertThat(run.isRunning()).isTrue();
        } finally {
            run.kill();
        }
        assertThat(finish(run).outcome()).isInstanceOf(RunOutcome.Killed.class);
    }

    @Test
    void readsAndWritesFilesInThePreopenedFolder() throws Exception {
        Files.writeString(project.resolve("input.txt"), "from the host");
        Files.createDirectories(project.resolve("sub"));
        var files = WasmPrograms.c("files");

        var read = new CollectedOutput();
        var readResult = finish(SANDBOX.runWasi(spec(files, "cat", "input.txt"), read));
        assertThat(readResult.succeeded()).as(read.chunks() + " " + readResult).isTrue();
        var write = new CollectedOutput();
        var writeResult = finish(SANDBOX.runWasi(spec(files, "write", "sub/out.txt", "from the guest"), write));
        assertThat(writeResult.succeeded()).as(write.chunks() + " " + writeResult).isTrue();
        var list = new CollectedOutput();
        var listResult = finish(SANDBOX.runWasi(spec(files, "ls", "."), list));
        assertThat(listResult.succeeded()).as(list.chunks() + " " + listResult).isTrue();

        assertThat(read.stdout()).isEqualTo("ok from the host\n");
        assertThat(Files.readString(project.resolve("sub/out.txt"))).isEqualTo("from the guest");
        assertThat(list.stdout()).startsWith("ok").contains(" input.txt", " sub");
    }

    @Test
    void cutsAFloodOfOutputAndSaysSo() throws Exception {
        var output = new CollectedOutput();
        var spec = WasiSpec.of(WasmPrograms.c("flood"))
            .withLimits(WasmLimits.defaults().withMaxOutputBytes(10_000));

        var result = finish(SANDBOX.runWasi(spec, output));

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Exited(0));
        assertThat(result.outputTruncated()).isTrue();
        assertThat(output.stdout().getBytes(StandardCharsets.UTF_8)).hasSize(10_000);
        assertThat(output.stdout()).startsWith("line 0 of a flood of output\n");
        assertThat(output.sandbox()).contains("output cut", "10000 bytes");
        assertThat(output.chunks().getLast().channel()).isEqualTo(OutputChannel.SANDBOX);
    }

    private WasiSpec spec(Path module, String... args) {
        return WasiSpec.of(module).withArgs(List.of(args)).withPreopen(project);
    }
}
