package dev.cyberdevstudio.engine.agents.security;

import java.util.Map;

/**
 * Limits and exclusions of a folder scan.
 *
 * @param maxFileBytes        files larger than this are skipped (and recorded as such)
 * @param excludedDirectories directory names never entered, each with the reason recorded for it
 * @param threads             how many files are scanned at once
 */
public record ScanOptions(long maxFileBytes, Map<String, String> excludedDirectories, int threads) {

    /** One MiB: far beyond any hand-written source file, well below a data dump. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1024L * 1024;

    private static final String VCS = "version-control data";
    private static final String BUILD = "build output or caches";
    private static final String VENDORED = "vendored third-party code";

    public ScanOptions {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("The file size limit must be positive, got " + maxFileBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("A scan needs at least one thread, got " + threads);
        }
        excludedDirectories = Map.copyOf(excludedDirectories);
    }

    /** 1 MiB per file; VCS folders, build outputs, caches and vendored dependencies excluded; up to 4 threads. */
    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_FILE_BYTES, Map.ofEntries(
                Map.entry(".git", VCS), Map.entry(".hg", VCS), Map.entry(".svn", VCS),
                Map.entry("target", BUILD), Map.entry("build", BUILD), Map.entry("dist", BUILD),
                Map.entry("out", BUILD), Map.entry(".gradle", BUILD), Map.entry("__pycache__", BUILD),
                Map.entry(".venv", BUILD), Map.entry("venv", BUILD), Map.entry(".tox", BUILD),
                Map.entry(".idea", BUILD), Map.entry(".mypy_cache", BUILD), Map.entry(".pytest_cache", BUILD),
                Map.entry(".next", BUILD), Map.entry("coverage", BUILD),
                Map.entry("node_modules", VENDORED), Map.entry("bower_components", VENDORED),
                Map.entry("vendor", VENDORED), Map.entry("third_party", VENDORED)),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ScanOptions withMaxFileBytes(long bytes) {
        return new ScanOptions(bytes, excludedDirectories, threads);
    }

    public ScanOptions withThreads(int count) {
        return new ScanOptions(maxFileBytes, excludedDirectories, count);
    }
}
