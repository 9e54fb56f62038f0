package dev.cyberdevstudio.models.download;

import java.time.Duration;
import java.util.Objects;

/**
 * How the downloader behaves.
 *
 * @param maxRetries       reconnections after a dropped connection before the download fails; the count starts
 *                         again whenever an attempt made progress, so a long download survives many short drops
 * @param retryDelay       the wait before the first reconnection, doubled for each further one (capped at 30 s)
 * @param stallTimeout     no byte for this long counts as a dropped connection (a server that stops sending without
 *                         closing would otherwise hang the download forever); also the wait for response headers
 * @param progressInterval the least time between two progress events of one download (state changes always publish)
 * @param spaceReserve     bytes left free on the disk beyond the file itself
 * @param maxParallel      downloads running at once; the others wait as QUEUED
 * @param spaceProbe       reads the free space of the models folder
 */
public record DownloadSettings(int maxRetries, Duration retryDelay, Duration stallTimeout, Duration progressInterval,
                               long spaceReserve, int maxParallel, SpaceProbe spaceProbe) {

    public DownloadSettings {
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(spaceProbe, "spaceProbe");
        if (maxRetries < 0 || maxParallel < 1 || spaceReserve < 0) {
            throw new IllegalArgumentException("maxRetries and spaceReserve must be >= 0, maxParallel >= 1");
        }
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(8, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(250),
            64L << 20, 2, SpaceProbe.fileStore());
    }

    public DownloadSettings withSpaceProbe(SpaceProbe probe) {
        return new DownloadSettings(maxRetries, retryDelay, stallTimeout, progressInterval, spaceReserve, maxParallel,
            probe);
    }
}
