package dev.cyberdevstudio.app.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;

/**
 * Colours and font of the terminals, one per theme.
 *
 * <p>Themes ship a palette as properties, every colour written {@code #rrggbb}:
 * <pre>{@code
 * foreground=#c8d3f5
 * background=#0b0f1a
 * selection.foreground=#0b0f1a
 * selection.background=#00e5ff
 * cursor=#ff2bd6
 * ansi.0=#1b1f2b
 * ...
 * ansi.15=#ffffff
 * font.family=JetBrains Mono
 * font.size=13
 * }</pre>
 * A key that is absent keeps the value of {@link #defaults()}, so a theme only names what it changes; a value that
 * is present but malformed is refused, naming the key, because it is a mistake in the theme.
 *
 * @param foreground          text in the default colour
 * @param background          the terminal's background
 * @param selectionForeground selected text
 * @param selectionBackground behind selected text
 * @param cursor              the block cursor
 * @param ansi                the 16 ANSI colours: 0-7 normal, 8-15 bright
 * @param fontFamily          a font family installed on the machine; JavaFX falls back to a default when it is not
 * @param fontSize            in points
 */
public record TerminalPalette(Color foreground, Color background, Color selectionForeground, Color selectionBackground,
                              Color cursor, List<Color> ansi, String fontFamily, double fontSize) {

    /** How many ANSI colours a palette holds. */
    public static final int ANSI_COLOURS = 16;

    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    private static final TerminalPalette DEFAULTS = new TerminalPalette(
            Color.web("#d4d4d4"), Color.web("#1e1e1e"), Color.web("#ffffff"), Color.web("#264f78"),
            Color.web("#aeafad"),
            List.of(Color.web("#000000"), Color.web("#cd3131"), Color.web("#0dbc79"), Color.web("#e5e510"),
                    Color.web("#2472c8"), Color.web("#bc3fbc"), Color.web("#11a8cd"), Color.web("#e5e5e5"),
                    Color.web("#666666"), Color.web("#f14c4c"), Color.web("#23d18b"), Color.web("#f5f543"),
                    Color.web("#3b8eea"), Color.web("#d670d6"), Color.web("#29b8db"), Color.web("#ffffff")),
            "Monospaced", 13);

    public TerminalPalette {
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(selectionForeground, "selectionForeground");
        Objects.requireNonNull(selectionBackground, "selectionBackground");
        Objects.requireNonNull(cursor, "cursor");
        ansi = List.copyOf(ansi);
        if (ansi.size() != ANSI_COLOURS) {
            throw new IllegalArgumentException("a palette needs " + ANSI_COLOURS + " ANSI colours, not " + ansi.size());
        }
        Objects.requireNonNull(fontFamily, "fontFamily");
        if (fontFamily.isBlank()) {
            throw new IllegalArgumentException("the font family is blank");
        }
        if (!(fontSize > 0) || Double.isInfinite(fontSize)) {
            throw new IllegalArgumentException("the font size must be a positive number, not " + fontSize);
        }
    }

    /** A neutral dark palette, used until a theme applies its own. */
    public static TerminalPalette defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a palette from a theme's properties (keys in the class comment).
     *
     * @throws IllegalArgumentException when a value is present but is not {@code #rrggbb} or a positive font size
     */
    public static TerminalPalette fromProperties(Properties properties) {
        var ansi = new ArrayList<Color>(ANSI_COLOURS);
        for (int index = 0; index < ANSI_COLOURS; index++) {
            ansi.add(colour(properties, "ansi." + index, DEFAULTS.ansi(index)));
        }
        return new TerminalPalette(
                colour(properties, "foreground", DEFAULTS.foreground()),
                colour(properties, "background", DEFAULTS.background()),
                colour(properties, "selection.foreground", DEFAULTS.selectionForeground()),
                colour(properties, "selection.background", DEFAULTS.selectionBackground()),
                colour(properties, "cursor", DEFAULTS.cursor()),
                ansi,
                fontFamily(properties),
                fontSize(properties));
    }

    /** ANSI colour {@code index}, 0 to 15. */
    public Color ansi(int index) {
        return ansi.get(index);
    }

    /** The colour as {@code #rrggbb}, the form the properties use. */
    public static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(colour.getRed()), channel(colour.getGreen()),
                channel(colour.getBlue()));
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }

    private static Color colour(Properties properties, String key, Color fallback) {
        var value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        var trimmed = value.strip();
        if (!HEX_COLOUR.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("terminal palette key '" + key + "' must be a colour #rrggbb, not '"
                    + value + "'");
        }
        return Color.web(trimmed);
    }

    private static String fontFamily(Properties properties) {
        var value = properties.getProperty("font.family");
        if (value == null) {
            return DEFAULTS.fontFamily();
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("terminal palette key 'font.family' is blank");
        }
        return value.strip();
    }

    private static double fontSize(Properties properties) {
        var value = properties.getProperty("font.size");
        if (value == null) {
            return DEFAULTS.fontSize();
        }
        try {
            var size = Double.parseDouble(value.strip());
            if (size > 0 && !Double.isInfinite(size)) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the key, like a size that is not positive
        }
        throw new IllegalArgumentException("terminal palette key 'font.size' must be a positive number, not '"
                + value + "'");
    }
}
