package dev.cyberdevstudio.sandbox.wasm;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.cyberdevstudio.sandbox.SandboxException;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs WebAssembly with Chicory: call one exported function, or run a WASI program with arguments, environment,
 * standard streams and at most one host folder. Every run has a fresh instance on its own thread, capped linear
 * memory, a wall-clock limit and a kill that takes effect within milliseconds; nothing else of the host is reachable
 * (no network, no other folders, no host functions beyond WASI preview 1).
 *
 * <pre>{@code
 * var sandbox = new WasmSandbox();
 * long[] sum = sandbox.callExport(sandbox.load(Path.of("math.wasm")), "add", WasmLimits.defaults(), 2, 3);
 *
 * RunHandle run = sandbox.runWasi(WasiSpec.of(Path.of("tool.wasm")).withArgs(List.of("--check"))
 *     .withPreopen(projectRoot), chunk -> view.append(chunk));
 * run.result().thenAccept(result -> status.show(result.outcome().describe()));
 * }</pre>
 *
 * <p>Modules are cached by the SHA-256 of their bytes (parsed, and compiled once a compiled run asks for it), so a
 * second run of the same bytes skips parsing and compiling. One sandbox is meant to be shared by the whole studio.
 */
public final class WasmSandbox {

    /** The export a WASI command starts at. */
    public static final String START_EXPORT = "_start";

    /** Where the preopened folder appears to the guest: as the root of its file system. */
    public static final String GUEST_ROOT = "/";

    static final String WASI_MODULE = "wasi_snapshot_preview1";

    /** Larger files are refused before they are read: no real program is this big, and reading it costs heap. */
    static final long MAX_MODULE_BYTES = 256L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WasmSandbox.class);

    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};

    private final ModuleCache cache;

    /** A sandbox that keeps up to 32 modules cached. */
    public WasmSandbox() {
        this(32);
    }

    /** A sandbox that keeps up to {@code cachedModules} modules (parsed and compiled) in memory. */
    public WasmSandbox(int cachedModules) {
        this.cache = new ModuleCache(cachedModules);
    }

    /**
     * Reads and parses a module.
     *
     * @throws SandboxException naming the file and what is wrong: unreadable, too large, not WebAssembly, malformed
     */
    public WasmModule load(Path file) {
        Objects.requireNonNull(file, "file");
        var bytes = read(file);
        var sha256 = sha256(bytes);
        var parsed = cache.parsed(sha256, () -> parse(file, bytes));
        return new WasmModule(file, sha256, bytes.length, parsed);
    }

    /** Calls an exported function, compiled, as {@link #callExport(WasmModule, String, WasmLimits, ExecutionMode,
     * long...)} does. */
    public long[] callExport(WasmModule module, String export, WasmLimits limits, long... args) {
        return callExport(module, export, limits, ExecutionMode.COMPILED, args);
    }

    /**
     * Calls an exported function in a fresh instance and returns its results (i32 and i64 as they are, f32/f64 as raw
     * bits). The module may import WASI; it then gets a WASI with nothing granted (no folder, no arguments, output
     * logged at debug level). Blocks until the function returns or the limits stop it.
     *
     * @throws SandboxException when the export is missing (the message lists the exports), the argument count is
     *                          wrong, or the call trapped, ran out of time or memory
     */
    public long[] callExport(WasmModule module, String export, WasmLimits limits, ExecutionMode mode, long... args) {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(mode, "mode");
        var exports = module.functionExports();
        if (!exports.contains(export)) {
            throw new SandboxException(module.file().getFileName() + " has no exported function \"" + export
                + "\"; it exports " + (exports.isEmpty() ? "no functions" : String.join(", ", exports)));
        }
        var description = module.file().getFileName() + " " + export;
        var results = new AtomicReference<long[]>();
        var budget = new GuestOutput.Budget(limits.maxOutputBytes(),
            chunk -> LOG.debug("{} wrote on {}: {}", description, chunk.channel(), chunk.text()));
        var run = new WasmRun(description, isolation(Optional.empty(), limits), limits, budget).start(self -> {
            var options = WasiOptions.builder()
                .withStdout(new GuestOutput(OutputChannel.STDOUT, budget), false)
                .withStderr(new GuestOutput(OutputChannel.STDERR, budget), false)
                .withThrowOnExit0(true)
                .build();
            try (var wasi = wasi(options)) {
                var instance = instantiate(module, wasi.toHostFunctions(), limits, mode);
                int params = instance.exportType(export).params().size();
                if (params != args.length) {
                    throw new SandboxException(export + " takes " + params + " argument" + (params == 1 ? "" : "s")
                        + ", not " + args.length);
                }
                try {
                    var returned = instance.export(export).apply(args);
                    results.set(returned == null ? new long[0] : returned.clone());
                    return new RunOutcome.Exited(0);
                } finally {
                    self.memoryUsed(memoryBytes(instance));
                }
            }
        });
        RunResult result;
        try {
            result = run.result().get();
        } catch (InterruptedException e) {
            run.kill();
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while " + description + " ran");
        } catch (ExecutionException e) {
            throw new SandboxException(description + " failed: " + e.getCause(), e.getCause());
        }
        if (results.get() != null) {
            return results.get();
        }
        throw new SandboxException(description + ": " + result.outcome().describe());
    }

    /**
     * Starts a WASI program on its own thread. Returns at once; output streams to the listener as the guest writes it.
     * Bad input (a file that is not WebAssembly, a module without {@code _start}, imports other than WASI, a folder
     * that does not exist) comes back as a handle whose result is {@link RunOutcome.Failed} with the reason.
     */
    public RunHandle runWasi(WasiSpec spec, OutputListener listener) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(listener, "listener");
        var description = describe(spec);
        var isolation = isolation(spec.preopen(), spec.limits());
        var budget = new GuestOutput.Budget(spec.limits().maxOutputBytes(), listener);
        WasmModule module;
        try {
            module = load(spec.module());
            if (!module.isCommand()) {
                throw new SandboxException(spec.module().getFileName() + " is not a WASI program: it has no "
                    + START_EXPORT + " export (it exports " + String.join(", ", module.functionExports()) + ")");
            }
            spec.preopen().ifPresent(WasmSandbox::requireFolder);
        } catch (SandboxException e) {
            GuestOutput.deliver(listener, new OutputChunk(OutputChannel.SANDBOX, e.getMessage() + "\n"));
            return WasmRun.failed(description, isolation, spec.limits(), budget, e.getMessage());
        }
        return new WasmRun(description, isolation, spec.limits(), budget).start(run -> {
            var stdout = new GuestOutput(OutputChannel.STDOUT, budget);
            var stderr = new GuestOutput(OutputChannel.STDERR, budget);
            try {
                return runCommand(module, spec, stdout, stderr, listener, run);
            } finally {
                stdout.finish();
                stderr.finish();
            }
        });
    }

    private RunOutcome runCommand(WasmModule module, WasiSpec spec, GuestOutput stdout, GuestOutput stderr,
                                  OutputListener listener, WasmRun run) {
        var argv = new ArrayList<String>();
        argv.add(spec.module().getFileName().toString());
        argv.addAll(spec.args());
        var options = WasiOptions.builder()
            .withArguments(argv)
            .withStdin(new ByteArrayInputStream(spec.stdin()), false)
            .withStdout(stdout, false)
            .withStderr(stderr, false)
            .withThrowOnExit0(true);
        spec.env().forEach(options::withEnvironment);
        var reported = new HashSet<String>();
        spec.preopen().ifPresent(folder -> options.withDirectory(GUEST_ROOT, new ConfinedFileSystem(folder, path -> {
            if (reported.add(path)) {
                GuestOutput.deliver(listener, new OutputChunk(OutputChannel.SANDBOX, "refused: " + path
                    + " leads outside the preopened folder, or would be a symbolic link\n"));
            }
        }).root()));
        try (var wasi = wasi(options.build())) {
            var instance = instantiate(module, wasi.toHostFunctions(), spec.limits(), spec.mode());
            try {
                ExportFunction start = instance.export(START_EXPORT);
                start.apply();
                return new RunOutcome.Exited(0);
            } catch (WasiExitException exit) {
                return new RunOutcome.Exited(exit.exitCode());
            } finally {
                run.memoryUsed(memoryBytes(instance));
            }
        }
    }

    private static WasiPreview1 wasi(WasiOptions options) {
        return WasiPreview1.builder().withLogger(new ChicoryLogging(WasiPreview1.class)).withOptions(options).build();
    }

    /** A fresh instance with only WASI to import and its memory capped; the start section runs, _start does not. */
    private Instance instantiate(WasmModule module, HostFunction[] wasi, WasmLimits limits, ExecutionMode mode) {
        var unresolved = module.imports().stream().filter(name -> !name.startsWith(WASI_MODULE + ".")).toList();
        if (!unresolved.isEmpty()) {
            throw new SandboxException(module.file().getFileName() + " needs host functions the sandbox does not "
                + "provide: " + String.join(", ", unresolved) + " (only " + WASI_MODULE + " is available)");
        }
        var builder = Instance.builder(module.parsed())
            .withImportValues(ImportValues.builder().addFunction(wasi).build())
            .withMachineFactory(cache.machineFactory(module.sha256(), module.parsed(), mode))
            .withStart(false);
        memoryLimits(module, limits).ifPresent(builder::withMemoryLimits);
        return builder.build();
    }

    /**
     * The module's own memory limits, lowered to the cap. A module that needs more memory than the cap just to start
     * is refused here, before anything is allocated.
     */
    static Optional<MemoryLimits> memoryLimits(WasmModule module, WasmLimits limits) {
        var declared = module.parsed().memorySection()
            .filter(section -> section.memoryCount() > 0)
            .map(section -> section.getMemory(0).limits());
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        int initial = declared.get().initialPages();
        if (initial > limits.maxMemoryPages()) {
            throw new MemoryCapExceeded(module.file().getFileName() + " asks for "
                + WasmFailures.mebibytes((long) initial * WasmLimits.PAGE_BYTES) + " of memory at start, more than "
                + "the cap of " + WasmFailures.mebibytes(limits.maxMemoryBytes()));
        }
        return Optional.of(new MemoryLimits(initial, Math.min(limits.maxMemoryPages(),
            declared.get().maximumPages())));
    }

    private static long memoryBytes(Instance instance) {
        try {
            return (long) instance.memory().pages() * WasmLimits.PAGE_BYTES;
        } catch (RuntimeException noMemory) {
            return 0;
        }
    }

    /** What the user sees beside a run: memory cap, the one folder or none, no network. */
    public static Isolation isolation(Optional<Path> preopen, WasmLimits limits) {
        var folder = preopen.map(path -> "only " + path + " visible (as " + GUEST_ROOT + ")")
            .orElse("no folder visible");
        return Isolation.isolated("WebAssembly: memory capped at " + WasmFailures.mebibytes(limits.maxMemoryBytes())
            + ", " + folder + ", no network");
    }

    public WasmCacheStats cacheStats() {
        return cache.stats();
    }

    private static String describe(WasiSpec spec) {
        var words = new ArrayList<String>();
        words.add(spec.module().getFileName().toString());
        words.addAll(spec.args());
        return String.join(" ", words) + " (" + spec.mode().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private static void requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SandboxException("the folder to give the program does not exist or is not a folder: " + folder);
        }
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new SandboxException("cannot load " + file + ": no such file");
            }
            long size = Files.size(file);
            if (size > MAX_MODULE_BYTES) {
                throw new SandboxException("cannot load " + file + ": " + size + " bytes is more than the "
                    + WasmFailures.mebibytes(MAX_MODULE_BYTES) + " a module may have");
            }
            var bytes = Files.readAllBytes(file);
            if (bytes.length < 8 || !java.util.Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
                var start = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(4, bytes.length));
                throw new SandboxException(file + " is not a WebAssembly module: it starts with ["
                    + start + "], not the \\0asm header (00 61 73 6d)");
            }
            return bytes;
        } catch (IOException e) {
            throw new SandboxException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    private static com.dylibso.chicory.wasm.WasmModule parse(Path file, byte[] bytes) {
        try {
            return Parser.parse(bytes);
        } catch (ChicoryException | UncheckedIOException | IllegalArgumentException e) {
            throw new SandboxException(file + " is not a valid WebAssembly module: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A module that needs more memory to start than the cap allows: a limit, not a failure. */
    static final class MemoryCapExceeded extends SandboxException {
        MemoryCapExceeded(String message) {
            super(message);
        }
    }
}
