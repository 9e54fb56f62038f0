package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.sandbox.run.Isolation;
import java.time.Duration;
import java.util.Locale;

/** Numbers and badges of a run as the execution view writes them. */
final class RunFormats {

    private RunFormats() {
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        var units = new String[] {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    /** "isolated: …", "reduced isolation: …" or "remote: …", as the badge beside a run reads. */
    static String badge(Isolation isolation) {
        return switch (isolation.level()) {
            case ISOLATED -> "isolated: " + isolation.summary();
            case REDUCED -> isolation.summary().startsWith("reduced isolation") ? isolation.summary()
                    : "reduced isolation: " + isolation.summary();
            case REMOTE -> "remote: " + isolation.summary();
        };
    }
}
