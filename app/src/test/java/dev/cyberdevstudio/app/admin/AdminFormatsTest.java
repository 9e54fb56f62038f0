package dev.cyberdevstudio.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.models.download.DownloadProgress;
import dev.cyberdevstudio.models.download.DownloadState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Sizes, counts and durations as the admin pane writes them, and a download's line of detail. */
class AdminFormatsTest {

    @Test
    void writesSizesInBinaryUnits() {
        assertThat(Formats.bytes(-1)).isEqualTo("?");
        assertThat(Formats.bytes(900)).isEqualTo("900 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.bytes(250L * 1024 * 1024)).isEqualTo("250 MB");
        assertThat(Formats.bytes(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GB");
    }

    @Test
    void writesCountsAndDurationsShort() {
        assertThat(Formats.count(999)).isEqualTo("999");
        assertThat(Formats.count(48_200)).isEqualTo("48K");
        assertThat(Formats.count(124_000_000)).isEqualTo("124M");
        assertThat(Formats.count(1_540_000_000L)).isEqualTo("1.5B");
        assertThat(Formats.duration(Duration.ofSeconds(9))).isEqualTo("9 s");
        assertThat(Formats.duration(Duration.ofSeconds(252))).isEqualTo("4 min 12 s");
        assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(Formats.percent(0.256)).isEqualTo("26 %");
    }

    @Test
    void describesEachDownloadState() {
        assertThat(DownloadRow.describe(progress(DownloadState.RETRYING, Optional.of("connection reset"))))
            .isEqualTo("1.0 KB of 2.0 KB · connection lost, retrying: connection reset");
        assertThat(DownloadRow.describe(progress(DownloadState.VERIFYING, Optional.empty())))
            .isEqualTo("1.0 KB of 2.0 KB · checking SHA-256");
        assertThat(DownloadRow.describe(new DownloadProgress("d", DownloadState.QUEUED, 0, OptionalLong.empty(), 0,
            Optional.empty(), Optional.empty()))).isEqualTo("0 B · queued");
    }

    private static DownloadProgress progress(DownloadState state, Optional<String> message) {
        return new DownloadProgress("d", state, 1024, OptionalLong.of(2048), 0, Optional.empty(), message);
    }
}
