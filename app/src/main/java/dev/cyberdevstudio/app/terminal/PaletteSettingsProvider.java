package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.text.Font;

/**
 * JediTermFX settings that follow a {@link TerminalPalette} which can change while terminals are open.
 *
 * <p>The widget asks its settings for colours on every repaint, so handing it colours that look the palette up
 * when asked ({@link TerminalColor}'s supplier form) recolours open terminals on their next frame. The font is read
 * once per widget; {@link StudioTerminalWidget#paletteChanged()} makes it read it again. One provider serves every
 * terminal of a pane, so terminals opened later start with the palette applied last.
 */
final class PaletteSettingsProvider extends DefaultSettingsProvider {

    /** JavaFX's logical monospaced font, present on every platform. */
    static final String FALLBACK_FAMILY = "Monospaced";

    private volatile TerminalPalette palette;
    private volatile ColorPalette ansi;

    private final TerminalColor foreground = live(TerminalPalette::foreground);
    private final TerminalColor background = live(TerminalPalette::background);
    private final TerminalColor selectionForeground = live(TerminalPalette::selectionForeground);
    private final TerminalColor selectionBackground = live(TerminalPalette::selectionBackground);
    private final TerminalColor cursor = live(TerminalPalette::cursor);

    PaletteSettingsProvider(TerminalPalette palette) {
        setPalette(palette);
    }

    void setPalette(TerminalPalette palette) {
        this.ansi = new AnsiColours(Objects.requireNonNull(palette, "palette"));
        this.palette = palette;
    }

    TerminalPalette palette() {
        return palette;
    }

    /** The cursor's colour; the widget's style state hands it to the cursor painter. */
    TerminalColor cursorColor() {
        return cursor;
    }

    @Override
    public ColorPalette getTerminalColorPalette() {
        return ansi;
    }

    /** The palette's font; JavaFX's monospaced font when the family is not installed here. */
    @Override
    public Font getTerminalFont() {
        var current = palette;
        var font = Font.font(current.fontFamily(), current.fontSize());
        // JavaFX quietly substitutes its proportional default for an unknown family, which breaks the cell grid.
        return font.getFamily().equalsIgnoreCase(current.fontFamily())
                ? font : Font.font(FALLBACK_FAMILY, current.fontSize());
    }

    @Override
    public float getTerminalFontSize() {
        return (float) palette.fontSize();
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return foreground;
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return background;
    }

    @Override
    public TextStyle getSelectionColor() {
        return new TextStyle(selectionForeground, selectionBackground);
    }

    @Override
    public boolean useInverseSelectionColor() {
        return false;
    }

    /** The bell would go through AWT's toolkit, which a JavaFX studio does not start (and which fails headless). */
    @Override
    public boolean audibleBell() {
        return false;
    }

    static Color toTerminal(javafx.scene.paint.Color colour) {
        return new Color(channel(colour.getRed()), channel(colour.getGreen()), channel(colour.getBlue()));
    }

    private TerminalColor live(Function<TerminalPalette, javafx.scene.paint.Color> part) {
        return new TerminalColor(() -> toTerminal(part.apply(palette)));
    }

    private static int channel(double value) {
        return (int) Math.round(value * 255);
    }

    /** The 16 ANSI colours of one palette; colours beyond 16 are xterm's fixed cube and grey ramp. */
    private static final class AnsiColours extends ColorPalette {

        private final Color[] colours;

        AnsiColours(TerminalPalette palette) {
            colours = palette.ansi().stream().map(PaletteSettingsProvider::toTerminal).toArray(Color[]::new);
        }

        @Override
        protected Color getForegroundByColorIndex(int index) {
            return colours[index];
        }

        @Override
        protected Color getBackgroundByColorIndex(int index) {
            return colours[index];
        }
    }
}
