package dev.cyberdevstudio.sandbox.wasm;

import java.time.Duration;
import java.util.Objects;

/**
 * What one WebAssembly run may use. Linear memory is always capped: without a cap a guest can grow its memory until
 * the studio itself runs out of heap.
 *
 * @param maxMemoryPages the most 64 KiB pages of linear memory the guest may have (1 to 65536)
 * @param timeout        wall-clock limit; the run is interrupted when it passes
 * @param maxOutputBytes how much stdout and stderr together reach the listener before the rest is cut with a marker
 */
public record WasmLimits(int maxMemoryPages, Duration timeout, long maxOutputBytes) {

    /** Bytes in one page of WebAssembly linear memory. */
    public static final int PAGE_BYTES = 64 * 1024;

    /** The address space of wasm32: 4 GiB in pages. */
    public static final int MAX_PAGES = 65_536;

    /** Output kept per run unless a caller asks for another limit: enough for any log, small enough for a view. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

    public WasmLimits {
        if (maxMemoryPages < 1 || maxMemoryPages > MAX_PAGES) {
            throw new IllegalArgumentException("maxMemoryPages must be between 1 and " + MAX_PAGES + ": "
                + maxMemoryPages);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException("maxOutputBytes must not be negative: " + maxOutputBytes);
        }
    }

    /** A memory cap and a timeout, with the default output limit. */
    public WasmLimits(int maxMemoryPages, Duration timeout) {
        this(maxMemoryPages, timeout, DEFAULT_MAX_OUTPUT_BYTES);
    }

    /** 64 MiB of linear memory, 30 seconds, 1 MiB of output. */
    public static WasmLimits defaults() {
        return new WasmLimits(1024, Duration.ofSeconds(30));
    }

    /** A memory cap given in MiB (rounded down to whole pages, at least one). */
    public static WasmLimits ofMebibytes(int mebibytes, Duration timeout) {
        return new WasmLimits(Math.max(1, mebibytes * 16), timeout);
    }

    public WasmLimits withTimeout(Duration newTimeout) {
        return new WasmLimits(maxMemoryPages, newTimeout, maxOutputBytes);
    }

    public WasmLimits withMaxOutputBytes(long bytes) {
        return new WasmLimits(maxMemoryPages, timeout, bytes);
    }

    public long maxMemoryBytes() {
        return (long) maxMemoryPages * PAGE_BYTES;
    }
}
