package dev.cyberdevstudio.sandbox.wasm;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parsed and compiled modules, keyed by the SHA-256 of their bytes, least recently used dropped first. Compiling a
 * module to JVM bytecode costs a fraction of a second to seconds; the machine factory it yields makes machines for
 * any number of instances, so a second run of the same bytes starts at once. Keyed by content, not by path: an
 * edited file is a new module, and two copies of one file share an entry.
 */
final class ModuleCache {

    private final class Entry {
        private final com.dylibso.chicory.wasm.WasmModule parsed;
        private Function<Instance, Machine> compiled;

        Entry(com.dylibso.chicory.wasm.WasmModule parsed) {
            this.parsed = parsed;
        }

        /** Compiles on first use; held under the entry's lock so two runs of one module compile it once. */
        synchronized Function<Instance, Machine> compiled() {
            if (compiled == null) {
                compiled = MachineFactoryCompiler.compile(parsed);
                countCompilation();
            } else {
                countHit();
            }
            return compiled;
        }
    }

    private final int capacity;
    private final Map<String, Entry> entries;
    private long compilations;
    private long hits;

    ModuleCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The parsed module for these bytes, parsing them only when they are not cached yet. */
    com.dylibso.chicory.wasm.WasmModule parsed(String sha256, Supplier<com.dylibso.chicory.wasm.WasmModule> parse) {
        synchronized (this) {
            var entry = entries.get(sha256);
            if (entry != null) {
                return entry.parsed;
            }
        }
        // Parsed outside the lock: a large module must not hold up runs of other modules.
        var parsed = parse.get();
        synchronized (this) {
            var entry = entries.computeIfAbsent(sha256, key -> new Entry(parsed));
            evictBeyondCapacity();
            return entry.parsed;
        }
    }

    /** A machine factory for the module: compiled (and cached) or the interpreter. */
    Function<Instance, Machine> machineFactory(String sha256, com.dylibso.chicory.wasm.WasmModule parsed,
                                               ExecutionMode mode) {
        if (mode == ExecutionMode.INTERPRETED) {
            return InterpreterMachine::new;
        }
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(sha256, key -> new Entry(parsed));
            evictBeyondCapacity();
        }
        return entry.compiled();
    }

    private void evictBeyondCapacity() {
        var oldest = entries.keySet().iterator();
        while (entries.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private synchronized void countCompilation() {
        compilations++;
    }

    private synchronized void countHit() {
        hits++;
    }

    synchronized WasmCacheStats stats() {
        return new WasmCacheStats(compilations, hits, entries.size());
    }
}
