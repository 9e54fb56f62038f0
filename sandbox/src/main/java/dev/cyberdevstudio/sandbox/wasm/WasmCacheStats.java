package dev.cyberdevstudio.sandbox.wasm;

/**
 * How the compiled-module cache has fared since the sandbox was made.
 *
 * @param compilations how many times a module was translated to JVM bytecode
 * @param hits         how many compiled runs found their module already compiled
 * @param entries      modules held now (compiled or only parsed)
 */
public record WasmCacheStats(long compilations, long hits, int entries) {
}
