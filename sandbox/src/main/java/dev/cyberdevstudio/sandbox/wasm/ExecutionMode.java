package dev.cyberdevstudio.sandbox.wasm;

/** How Chicory executes a module. Both give the same results; they differ only in speed and start-up cost. */
public enum ExecutionMode {
    /**
     * WebAssembly translated to JVM bytecode (Chicory's compiler): near native speed once compiled. Compilation costs
     * a fraction of a second per module, so compiled modules are cached by the SHA-256 of their bytes.
     */
    COMPILED,
    /** Chicory's interpreter: no compilation, but a couple of hundred times slower on compute-heavy code. */
    INTERPRETED
}
