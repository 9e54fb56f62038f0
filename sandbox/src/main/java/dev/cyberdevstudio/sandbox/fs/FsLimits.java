package dev.cyberdevstudio.sandbox.fs;

/**
 * How much a project may hold.
 *
 * @param maxFileBytes the largest single file that may be written, copied or read through the sandbox
 * @param quotaBytes   the most bytes all regular files under the project root may take together
 */
public record FsLimits(long maxFileBytes, long quotaBytes) {

    private static final long MIB = 1024L * 1024L;

    public FsLimits {
        if (maxFileBytes <= 0 || quotaBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: file " + maxFileBytes + ", quota "
                    + quotaBytes);
        }
    }

    /** 16 MiB a file and 1 GiB a project: generous for source trees, small enough to stop a runaway writer. */
    public static FsLimits defaults() {
        return new FsLimits(16 * MIB, 1024 * MIB);
    }
}
