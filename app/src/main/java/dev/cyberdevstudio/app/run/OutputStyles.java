package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Inline CSS for styled output. Default colours are the theme's tokens (stdout the normal text, stderr the danger
 * colour, the sandbox's notes the warning colour), so they follow a theme switch; the 16 ANSI colours come from the
 * theme's terminal palette, the other 240 from the xterm cube and grey ramp. Used on the UI thread only.
 */
final class OutputStyles {

    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private final TerminalPalette palette;
    private final Map<TextStyle, String> cache = new HashMap<>();

    OutputStyles(TerminalPalette palette) {
        this.palette = palette;
    }

    String css(TextStyle style) {
        return cache.computeIfAbsent(style, this::compute);
    }

    private String compute(TextStyle style) {
        var defaultForeground = switch (style.channel()) {
            case STDOUT -> "-color-fg-default";
            case STDERR -> "-color-danger-fg";
            case SANDBOX -> "-color-warning-fg";
        };
        var foreground = colour(style.foreground()).orElse(defaultForeground);
        var background = colour(style.background()).orElse(null);
        if (style.inverse()) {
            var swapped = background == null ? "-studio-editor-bg" : background;
            background = foreground;
            foreground = swapped;
        }
        var css = new StringBuilder("-fx-fill: ").append(foreground).append(';');
        if (background != null) {
            css.append("-rtfx-background-color: ").append(background).append(';');
        }
        if (style.bold()) {
            css.append("-fx-font-weight: bold;");
        }
        if (style.italic() || style.channel() == OutputChannel.SANDBOX) {
            css.append("-fx-font-style: italic;");
        }
        if (style.underline()) {
            css.append("-fx-underline: true;");
        }
        if (style.dim()) {
            css.append("-fx-opacity: 0.6;");
        }
        return css.toString();
    }

    private Optional<String> colour(AnsiColor colour) {
        return switch (colour) {
            case AnsiColor.Default unused -> Optional.empty();
            case AnsiColor.Indexed(int index) -> Optional.of(indexed(index));
            case AnsiColor.Rgb(int red, int green, int blue) -> Optional.of(hex(red, green, blue));
        };
    }

    /** The xterm 256-colour palette, its first 16 from the theme. */
    String indexed(int index) {
        if (index < TerminalPalette.ANSI_COLOURS) {
            return TerminalPalette.hex(palette.ansi(index));
        }
        if (index < 232) {
            int cube = index - 16;
            return hex(CUBE[cube / 36], CUBE[cube / 6 % 6], CUBE[cube % 6]);
        }
        int grey = 8 + (index - 232) * 10;
        return hex(grey, grey, grey);
    }

    private static String hex(int red, int green, int blue) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
}
