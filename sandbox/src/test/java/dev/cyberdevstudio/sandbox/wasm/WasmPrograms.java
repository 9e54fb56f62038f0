package dev.cyberdevstudio.sandbox.wasm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds the WebAssembly test programs from their sources under {@code src/test/wasm} into {@code target/wasm}, on
 * demand and only when a source is newer than its build: C with Debian's clang for wasm32-wasi, WAT with wat2wasm from
 * the npm package wabt. No binary is committed. A test whose tool is missing is skipped with an assumption naming it.
 */
final class WasmPrograms {

    static final String CLANG_PACKAGES = "apt install clang lld wasi-libc libclang-rt-14-dev-wasm32";

    private WasmPrograms() {
    }

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path sources() {
        return moduleDir().resolve("src/test/wasm");
    }

    static Path output() {
        return moduleDir().resolve("target/wasm");
    }

    /** A WASI command built from {@code c/NAME.c}. */
    static Path c(String name) {
        requireClang();
        return build(sources().resolve("c/" + name + ".c"), name + ".wasm",
            List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O2"));
    }

    /** A libc-free module built from {@code c/NAME.c} whose marked functions are exports (no _start). */
    static Path cLibrary(String name) {
        requireClang();
        return build(sources().resolve("c/" + name + ".c"), name + ".lib.wasm",
            List.of("clang", "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-nostdlib", "-Wl,--no-entry"));
    }

    /** A module assembled from {@code wat/NAME.wat}. */
    static Path wat(String name) {
        var wat2wasm = npmTool("wat2wasm");
        assumeTrue(wat2wasm.isPresent(), "wat2wasm is not installed: ./check installs wabt into .ci/npm-tools "
            + "($CYBERDEVSTUDIO_NPM_TOOLS)");
        var source = sources().resolve("wat/" + name + ".wat");
        var target = output().resolve(name + ".wasm");
        if (fresh(source, target)) {
            return target;
        }
        exec(List.of(wat2wasm.get().toString(), source.toString(), "-o", target.toString()));
        return target;
    }

    /** A native executable built with gcc -O2 from the given C files (for the benchmark's baseline). */
    static Path nativeGcc(String name, String... cFiles) {
        assumeTrue(onPath("gcc"), "gcc is not installed (apt install gcc)");
        var target = output().resolve(name + ".native");
        var command = new ArrayList<>(List.of("gcc", "-O2", "-o", target.toString()));
        boolean fresh = Files.exists(target);
        for (var file : cFiles) {
            var source = sources().resolve("c/" + file);
            command.add(source.toString());
            fresh &= fresh(source, target);
        }
        if (!fresh) {
            exec(command);
        }
        return target;
    }

    /** A tool from the npm tools folder: $CYBERDEVSTUDIO_NPM_TOOLS first, then the repository's .ci/npm-tools. */
    static Optional<Path> npmTool(String tool) {
        var folders = new ArrayList<String>();
        Optional.ofNullable(System.getenv("CYBERDEVSTUDIO_NPM_TOOLS")).ifPresent(folders::add);
        folders.add(moduleDir().resolveSibling(".ci").resolve("npm-tools").toString());
        return folders.stream()
            .map(folder -> Path.of(folder, "node_modules", ".bin", tool))
            .filter(Files::isExecutable)
            .findFirst();
    }

    static boolean onPath(String command) {
        return Optional.ofNullable(System.getenv("PATH")).stream()
            .flatMap(path -> List.of(path.split(":")).stream())
            .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    private static void requireClang() {
        assumeTrue(onPath("clang"), "clang is not installed (" + CLANG_PACKAGES + ")");
        assumeTrue(Files.exists(Path.of("/usr/lib/wasm32-wasi/libc.a")),
            "wasi-libc is not installed (" + CLANG_PACKAGES + ")");
    }

    private static Path build(Path source, String fileName, List<String> compiler) {
        var target = output().resolve(fileName);
        if (fresh(source, target)) {
            return target;
        }
        var command = new ArrayList<>(compiler);
        command.addAll(List.of("-o", target.toString(), source.toString()));
        exec(command);
        return target;
    }

    private static boolean fresh(Path source, Path target) {
        try {
            return Files.exists(target)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a build command; serialised, so parallel tests never write the same output file at once. */
    private static synchronized void exec(List<String> command) {
        try {
            Files.createDirectories(output());
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("building a test program failed: " + String.join(" ", command)
                    + "\n" + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
