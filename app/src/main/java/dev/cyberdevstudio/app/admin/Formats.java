package dev.cyberdevstudio.app.admin;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the admin pane shows them: sizes in binary units, counts with B/M suffixes, short durations. */
final class Formats {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Formats() {
    }

    /** 1536 → "1.5 KB"; one decimal below 100 of a unit, none above. */
    static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, value < 100 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** 1_540_000_000 → "1.5B", 124_000_000 → "124M". */
    static String count(long count) {
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", count / 1e9);
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0fM", count / 1e6);
        }
        if (count >= 1_000L) {
            return String.format(Locale.ROOT, "%.0fK", count / 1e3);
        }
        return Long.toString(count);
    }

    /** "2 h 5 min", "4 min 12 s", "9 s". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds >= 3600) {
            return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
        }
        if (seconds >= 60) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return seconds + " s";
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
