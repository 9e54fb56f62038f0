package dev.cyberdevstudio.app.playground;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the playground writes its numbers and reads its stop strings. */
final class PlaygroundFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private PlaygroundFormat() {
    }

    static String when(Instant instant) {
        return WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String tokens(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String rate(double tokensPerSecond) {
        return String.format(Locale.ROOT, "%.1f tok/s", tokensPerSecond);
    }

    static String firstToken(long millis) {
        return millis < 0 ? "—" : millis < 10_000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
    }

    /**
     * Four significant digits and at least two decimals: a run of 40 tokens at 0.002 per 1000 costs $0.00008, which
     * cents alone would show as nothing.
     */
    static String cost(double amount) {
        if (!Double.isFinite(amount) || amount <= 0) {
            return "$0.00";
        }
        var rounded = new BigDecimal(amount).round(new MathContext(4, RoundingMode.HALF_UP)).stripTrailingZeros();
        if (rounded.scale() < 2) {
            rounded = rounded.setScale(2, RoundingMode.UNNECESSARY);
        }
        return "$" + rounded.toPlainString();
    }

    static String fill(int used, int context, double fraction) {
        return context <= 0 ? "no model" : String.format(Locale.ROOT, "%s / %s (%.0f%%)", tokens(used),
                tokens(context), fraction * 100);
    }

    /** One stop string per line; {@code \n}, {@code \t} and {@code \\} are escapes, so a stop can be a newline. */
    static List<String> parseStops(String text) {
        var stops = new ArrayList<String>();
        for (var line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            var stop = new StringBuilder();
            for (var i = 0; i < line.length(); i++) {
                var c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    var next = line.charAt(i + 1);
                    switch (next) {
                        case 'n' -> stop.append('\n');
                        case 't' -> stop.append('\t');
                        case '\\' -> stop.append('\\');
                        default -> stop.append(c).append(next);
                    }
                    i++;
                } else {
                    stop.append(c);
                }
            }
            stops.add(stop.toString());
        }
        return List.copyOf(stops);
    }

    static String formatStops(List<String> stops) {
        var lines = new ArrayList<String>();
        for (var stop : stops) {
            lines.add(stop.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t"));
        }
        return String.join("\n", lines);
    }
}
