package dev.cyberdevstudio.llm;

import oshi.SystemInfo;

/**
 * Where the runtime reads memory figures. The default reads the OS through OSHI; tests pass a fixed one to exercise the
 * fit check's verdicts.
 */
public interface MemoryProbe {

    /** Memory the OS could give the process now without swapping. */
    long availableBytes();

    /** The process's resident set size now, or 0 when unknown. */
    long processResidentBytes();

    static MemoryProbe system() {
        var info = new SystemInfo();
        var memory = info.getHardware().getMemory();
        var os = info.getOperatingSystem();
        return new MemoryProbe() {
            @Override
            public long availableBytes() {
                return memory.getAvailable();
            }

            @Override
            public long processResidentBytes() {
                var process = os.getCurrentProcess();
                return process == null ? 0 : process.getResidentMemory();
            }
        };
    }

    /** A probe that always reports the same free memory (for tests and headless previews). */
    static MemoryProbe fixed(long availableBytes) {
        return new MemoryProbe() {
            @Override
            public long availableBytes() {
                return availableBytes;
            }

            @Override
            public long processResidentBytes() {
                return 0;
            }
        };
    }
}
