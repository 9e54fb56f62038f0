package dev.cyberdevstudio.app.shell;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the window was and how its panels were split, remembered across restarts.
 *
 * @param sidebarDivider  position of the divider between the project tree and the editor (0..1)
 * @param terminalDivider position of the divider between the editor and the terminal (0..1)
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
                           double sidebarDivider, double terminalDivider, boolean terminalVisible) {

    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1280, 800, false, 0.22, 0.68,
        true);

    private static final double MIN_WIDTH = 480;
    private static final double MIN_HEIGHT = 320;
    private static final double DEFAULT_SIDEBAR = 0.22;
    private static final double DEFAULT_TERMINAL = 0.68;

    public WindowLayout {
        width = Math.max(MIN_WIDTH, width);
        height = Math.max(MIN_HEIGHT, height);
        sidebarDivider = clampDivider(sidebarDivider, DEFAULT_SIDEBAR);
        terminalDivider = clampDivider(terminalDivider, DEFAULT_TERMINAL);
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    /** A compact text form for the settings table. */
    public String encode() {
        return String.format(Locale.ROOT, "%s;%s;%s;%s;%s;%s;%s;%s", x, y, width, height, maximized, sidebarDivider,
            terminalDivider, terminalVisible);
    }

    /** Reads {@link #encode()}'s form back; anything malformed gives nothing, so the default layout is used. */
    public static Optional<WindowLayout> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var parts = text.split(";");
        if (parts.length != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowLayout(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4]),
                Double.parseDouble(parts[5]), Double.parseDouble(parts[6]), Boolean.parseBoolean(parts[7])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double clampDivider(double value, double fallback) {
        if (Double.isNaN(value) || value <= 0.05 || value >= 0.95) {
            return fallback;
        }
        return value;
    }
}
