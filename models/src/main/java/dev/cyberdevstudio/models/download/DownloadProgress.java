package dev.cyberdevstudio.models.download;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a download, published as it goes.
 *
 * @param totalBytes     the file's full size when the server or catalog said it
 * @param bytesPerSecond a smoothed recent rate
 * @param remaining      estimated time left, when the total and a rate are known
 * @param message        why it failed, is retrying or paused, in words for the user
 */
public record DownloadProgress(String downloadId, DownloadState state, long bytesDone, OptionalLong totalBytes,
                               double bytesPerSecond, Optional<Duration> remaining, Optional<String> message) {

    public double fraction() {
        return totalBytes.isPresent() && totalBytes.getAsLong() > 0
            ? Math.min(1.0, (double) bytesDone / totalBytes.getAsLong()) : -1;
    }
}
