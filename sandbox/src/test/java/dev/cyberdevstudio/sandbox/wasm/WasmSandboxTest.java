package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Loading modules, calling exports, bad input, and the compiled-module cache. */
class WasmSandboxTest {

    private static final WasmLimits LIMITS = WasmLimits.ofMebibytes(16, Duration.ofSeconds(30));

    @TempDir
    Path temp;

    private final WasmSandbox sandbox = new WasmSandbox();

    @Test
    void describesALoadedModule() throws Exception {
        var file = WasmPrograms.wat("arith");

        var module = sandbox.load(file);

        assertThat(module.file()).isEqualTo(file);
        assertThat(module.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(module.sha256()).hasSize(64).isEqualTo(WasmSandbox.sha256(Files.readAllBytes(file)));
        assertThat(module.functionExports()).containsExactly("add", "mul64", "divide");
        assertThat(module.imports()).isEmpty();
        assertThat(module.isCommand()).isFalse();
        assertThat(module.initialMemoryPages()).isEqualTo(1);
        assertThat(module.toString()).startsWith("arith.wasm (").contains(module.sha256().substring(0, 12));
        assertThat(sandbox.load(WasmPrograms.c("echo")).imports()).contains("wasi_snapshot_preview1.fd_write");
        assertThat(sandbox.load(WasmPrograms.wat("loop")).initialMemoryPages()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callsExportedFunctions(ExecutionMode mode) {
        var module = sandbox.load(WasmPrograms.wat("arith"));

        assertThat(sandbox.callExport(module, "add", LIMITS, mode, 2, 40)).containsExactly(42);
        assertThat(sandbox.callExport(module, "mul64", LIMITS, mode, 3_000_000_000L, 3))
            .containsExactly(9_000_000_000L);
    }

    @Test
    void callsAnExportOfAModuleBuiltFromC() {
        var module = sandbox.load(WasmPrograms.cLibrary("kernel"));

        assertThat(sandbox.callExport(module, "fib", LIMITS, 20)).containsExactly(6765);
    }

    @Test
    void missingExportNamesWhatTheModuleDoesExport() {
        var module = sandbox.load(WasmPrograms.wat("arith"));

        assertThatThrownBy(() -> sandbox.callExport(module, "subtract", LIMITS, 1, 2))
            .isInstanceOf(SandboxException.class)
            .hasMessage("arith.wasm has no exported function \"subtract\"; it exports add, mul64, divide");
    }

    @Test
    void wrongNumberOfArgumentsIsRefused() {
        var module = sandbox.load(WasmPrograms.wat("arith"));

        assertThatThrownBy(() -> sandbox.callExport(module, "add", LIMITS, 1))
            .isInstanceOf(SandboxException.class)
            .hasMessage("arith.wasm add: add takes 2 arguments, not 1");
    }

    @Test
    void aTrapInACalledFunctionIsAClearError() {
        var module = sandbox.load(WasmPrograms.wat("arith"));

        assertThatThrownBy(() -> sandbox.callExport(module, "divide", LIMITS, 1, 0))
            .isInstanceOf(SandboxException.class)
            .hasMessageStartingWith("arith.wasm divide: the program crashed: WebAssembly trap: ");
    }

    @Test
    void aFileThatIsNotWasmIsRefusedNamingFileAndHeader() throws Exception {
        var file = Files.writeString(temp.resolve("notes.wasm"), "hello, I am text");

        assertThatThrownBy(() -> sandbox.load(file))
            .isInstanceOf(SandboxException.class)
            .hasMessage(file + " is not a WebAssembly module: it starts with [68 65 6c 6c], not the \\0asm header "
                + "(00 61 73 6d)");
    }

    @Test
    void aTruncatedModuleIsRefusedAsInvalid() throws Exception {
        var whole = Files.readAllBytes(WasmPrograms.wat("arith"));
        var file = Files.write(temp.resolve("cut.wasm"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> sandbox.load(file))
            .isInstanceOf(SandboxException.class)
            .hasMessageStartingWith(file + " is not a valid WebAssembly module: ");
    }

    @Test
    void aMissingOrEmptyFileIsRefused() throws Exception {
        var missing = temp.resolve("missing.wasm");
        var empty = Files.createFile(temp.resolve("empty.wasm"));

        assertThatThrownBy(() -> sandbox.load(missing)).isInstanceOf(SandboxException.class)
            .hasMessage("cannot load " + missing + ": no such file");
        assertThatThrownBy(() -> sandbox.load(empty)).isInstanceOf(SandboxException.class)
            .hasMessage(empty + " is not a WebAssembly module: it starts with [], not the \\0asm header (00 61 73 6d)");
    }

    @Test
    void runningSomethingThatIsNotWasmFailsAtOnceWithTheReason() throws Exception {
        var file = Files.writeString(temp.resolve("script.wasm"), "#!/bin/sh\nrm -rf /\n");
        var output = new CollectedOutput();

        var run = sandbox.runWasi(WasiSpec.of(file), output);

        assertThat(run.result()).isDone();
        var outcome = run.result().join().outcome();
        assertThat(outcome).isInstanceOf(RunOutcome.Failed.class);
        assertThat(outcome.describe()).contains("script.wasm is not a WebAssembly module");
        assertThat(output.sandbox()).contains("is not a WebAssembly module");
    }

    @Test
    void aModuleWithoutStartIsNotAProgram() throws Exception {
        var result = sandbox.runWasi(WasiSpec.of(WasmPrograms.wat("no_start")), CollectedOutput.ignoringOutput())
            .result().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed(
            "no_start.wasm is not a WASI program: it has no _start export (it exports helper)"));
    }

    @Test
    void importsBeyondWasiAreNamed() throws Exception {
        var result = sandbox.runWasi(WasiSpec.of(WasmPrograms.wat("needs_host")), CollectedOutput.ignoringOutput())
            .result().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed("needs_host.wasm needs host functions the "
            + "sandbox does not provide: env.launch_missiles (only wasi_snapshot_preview1 is available)"));
    }

    @Test
    void aGuestCrashIsReportedAsATrap() throws Exception {
        var result = sandbox.runWasi(WasiSpec.of(WasmPrograms.wat("trap")), CollectedOutput.ignoringOutput())
            .result().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(
            new RunOutcome.Failed("the program crashed: WebAssembly trap: Trapped on unreachable instruction"));
    }

    @Test
    void aMissingFolderToPreopenIsRefused() throws Exception {
        var missing = temp.resolve("no-such-project");

        var result = sandbox.runWasi(WasiSpec.of(WasmPrograms.c("echo")).withPreopen(missing),
            CollectedOutput.ignoringOutput()).result().get(30, TimeUnit.SECONDS);

        assertThat(result.outcome()).isEqualTo(new RunOutcome.Failed(
            "the folder to give the program does not exist or is not a folder: " + missing));
    }

    @Test
    void aSecondCompiledRunOfTheSameBytesDoesNotCompileAgain() throws Exception {
        var cache = new WasmSandbox();
        var file = WasmPrograms.c("echo");
        var copy = Files.copy(file, temp.resolve("same-bytes.wasm"));

        long first = timeRun(cache, file);
        assertThat(cache.cacheStats()).isEqualTo(new WasmCacheStats(1, 0, 1));
        long second = timeRun(cache, copy);

        assertThat(cache.cacheStats()).isEqualTo(new WasmCacheStats(1, 1, 1));
        assertThat(second).as("second run (ms) should skip the %d ms of the first", first).isLessThan(first);
    }

    @Test
    void interpretedRunsCompileNothing() throws Exception {
        var cache = new WasmSandbox();

        var result = cache.runWasi(WasiSpec.of(WasmPrograms.c("echo")).withMode(ExecutionMode.INTERPRETED),
            CollectedOutput.ignoringOutput()).result().get(30, TimeUnit.SECONDS);

        assertThat(result.succeeded()).isTrue();
        assertThat(cache.cacheStats()).isEqualTo(new WasmCacheStats(0, 0, 1));
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedModule() {
        var cache = new WasmSandbox(1);
        var arith = cache.load(WasmPrograms.wat("arith"));
        var kernel = cache.load(WasmPrograms.cLibrary("kernel"));

        cache.callExport(arith, "add", LIMITS, 1, 1);
        cache.callExport(kernel, "fib", LIMITS, 5);
        cache.callExport(arith, "add", LIMITS, 1, 1);

        assertThat(cache.cacheStats()).isEqualTo(new WasmCacheStats(3, 0, 1));
        assertThatThrownBy(() -> new WasmSandbox(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isolationSaysWhatTheGuestCanSee() {
        assertThat(WasmSandbox.isolation(Optional.empty(), WasmLimits.defaults()).summary())
            .isEqualTo("WebAssembly: memory capped at 64 MiB, no folder visible, no network");
        assertThat(WasmSandbox.isolation(Optional.of(temp), new WasmLimits(1, Duration.ofSeconds(1))).summary())
            .isEqualTo("WebAssembly: memory capped at 64 KiB, only " + temp + " visible (as /), no network");
    }

    private static long timeRun(WasmSandbox sandbox, Path module) throws Exception {
        long started = System.nanoTime();
        var result = sandbox.runWasi(WasiSpec.of(module), CollectedOutput.ignoringOutput())
            .result().get(60, TimeUnit.SECONDS);
        assertThat(result.succeeded()).isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
