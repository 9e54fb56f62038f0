package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import dev.cyberdevstudio.sandbox.wasm.ExecutionMode;
import dev.cyberdevstudio.sandbox.wasm.WasiSpec;
import dev.cyberdevstudio.sandbox.wasm.WasmLimits;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Runs {@link RunRequest.WasmRun}s in the WASM sandbox: a WASI program from {@code _start} through
 * {@link WasmSandbox#runWasi}, or one exported function through {@link WasmSandbox#callExport}, whose result is
 * printed as a line of output.
 *
 * <p>A file that is not WASM, or an export the module lacks, ends the run as {@code Failed} with the sandbox's
 * message (it names the file and lists the exports).
 */
public final class WasmRunLauncher implements RunLauncher {

    private final WasmSandbox sandbox;

    public WasmRunLauncher(WasmSandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public RunHandle launch(RunRequest request, OutputListener listener) {
        if (!(request instanceof RunRequest.WasmRun run)) {
            throw new EngineException("The WASM sandbox cannot run " + request.kind().label() + " runs.");
        }
        var limits = limits(run.limits());
        try {
            if (run.export().isEmpty()) {
                var spec = new WasiSpec(run.module(), run.args(), Map.of(), new byte[0], run.preopen(), limits,
                        ExecutionMode.COMPILED);
                return sandbox.runWasi(spec, listener);
            }
            return new ExportCall(sandbox, run, limits, listener);
        } catch (SandboxException refused) {
            throw new EngineException(refused.getMessage(), refused);
        }
    }

    @Override
    public Isolation isolationFor(RunRequest.Kind kind) {
        return WasmSandbox.isolation(Optional.of(Path.of("the project folder")), limits(RunLimits.defaults()));
    }

    private static WasmLimits limits(RunLimits limits) {
        int pages = (int) Math.min(WasmLimits.MAX_PAGES, Math.max(1, limits.memoryBytes() / WasmLimits.PAGE_BYTES));
        return new WasmLimits(pages, limits.wallTimeout(), limits.maxOutputBytes());
    }

    /** One exported function called on a virtual thread of its own, so that kill can interrupt it. */
    private static final class ExportCall implements RunHandle {

        private final String description;
        private final Isolation isolation;
        private final CompletableFuture<RunResult> result = new CompletableFuture<>();
        private final Thread thread;
        private volatile boolean killed;

        ExportCall(WasmSandbox sandbox, RunRequest.WasmRun run, WasmLimits limits, OutputListener listener) {
            this.description = run.describe();
            this.isolation = WasmSandbox.isolation(run.preopen(), limits);
            var export = run.export().orElseThrow();
            long started = System.nanoTime();
            thread = Thread.ofVirtual().name("wasm-export-" + export).start(() -> {
                RunOutcome outcome;
                try {
                    var arguments = integers(run);
                    var module = sandbox.load(run.module());
                    var values = sandbox.callExport(module, export, limits, arguments);
                    listener.onOutput(new OutputChunk(OutputChannel.STDOUT, export + "("
                            + Arrays.stream(arguments).mapToObj(Long::toString).collect(Collectors.joining(", "))
                            + ") = " + Arrays.toString(values) + "\n"));
                    outcome = new RunOutcome.Exited(0);
                } catch (IllegalArgumentException | SandboxException failure) {
                    outcome = killed ? new RunOutcome.Killed("stopped by the user")
                            : new RunOutcome.Failed(failure.getMessage());
                }
                result.complete(new RunResult(outcome, Duration.ofNanos(System.nanoTime() - started),
                        OptionalLong.empty(), false));
            });
        }

        private static long[] integers(RunRequest.WasmRun run) {
            var values = new long[run.args().size()];
            for (int i = 0; i < values.length; i++) {
                try {
                    values[i] = Long.parseLong(run.args().get(i));
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException("The argument '" + run.args().get(i) + "' of "
                            + run.export().orElseThrow() + " is not an integer.");
                }
            }
            return values;
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
            killed = true;
            thread.interrupt();
        }
    }
}
