package dev.cyberdevstudio.sandbox.wasm;

import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed and validated WebAssembly module, from {@link WasmSandbox#load(Path)}. It is only a description: nothing
 * runs until {@link WasmSandbox#callExport} or {@link WasmSandbox#runWasi}, and each run gets a fresh instance.
 */
public final class WasmModule {

    private final Path file;
    private final String sha256;
    private final long sizeBytes;
    private final com.dylibso.chicory.wasm.WasmModule parsed;

    WasmModule(Path file, String sha256, long sizeBytes, com.dylibso.chicory.wasm.WasmModule parsed) {
        this.file = Objects.requireNonNull(file, "file");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.sizeBytes = sizeBytes;
        this.parsed = Objects.requireNonNull(parsed, "parsed");
    }

    public Path file() {
        return file;
    }

    /** Hex SHA-256 of the module's bytes: the key of the compiled-module cache. */
    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Names of the exported functions, in the module's order. */
    public List<String> functionExports() {
        var section = parsed.exportSection();
        var names = new ArrayList<String>();
        for (int i = 0; i < section.exportCount(); i++) {
            var export = section.getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                names.add(export.name());
            }
        }
        return List.copyOf(names);
    }

    /** Imports as {@code module.name}, e.g. {@code wasi_snapshot_preview1.fd_write}. */
    public List<String> imports() {
        return parsed.importSection().stream().map(WasmModule::qualifiedName).toList();
    }

    /** Whether this is a WASI command (it exports {@code _start}), runnable with {@link WasmSandbox#runWasi}. */
    public boolean isCommand() {
        return functionExports().contains(WasmSandbox.START_EXPORT);
    }

    /** Initial pages of linear memory the module declares (0 when it has none). */
    public int initialMemoryPages() {
        return parsed.memorySection()
            .filter(section -> section.memoryCount() > 0)
            .map(section -> section.getMemory(0).limits().initialPages())
            .orElse(0);
    }

    com.dylibso.chicory.wasm.WasmModule parsed() {
        return parsed;
    }

    static String qualifiedName(Import anImport) {
        return anImport.module() + "." + anImport.name();
    }

    @Override
    public String toString() {
        return file.getFileName() + " (" + sizeBytes + " bytes, sha256 " + sha256.substring(0, 12) + ")";
    }
}
