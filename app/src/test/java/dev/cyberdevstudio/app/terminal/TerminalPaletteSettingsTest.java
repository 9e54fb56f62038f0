package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.TerminalColor;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The JediTermFX settings the terminals are painted from, following the palette applied last. */
class TerminalPaletteSettingsTest {

    private final PaletteSettingsProvider settings = new PaletteSettingsProvider(TerminalPalette.defaults());

    @Test
    void reportsThePalettesColours() {
        var defaults = TerminalPalette.defaults();

        assertThat(rgb(settings.getDefaultForeground())).isEqualTo(hex(defaults.foreground()));
        assertThat(rgb(settings.getDefaultBackground())).isEqualTo(hex(defaults.background()));
        assertThat(rgb(settings.cursorColor())).isEqualTo(hex(defaults.cursor()));
        assertThat(rgb(settings.getSelectionColor().getForeground())).isEqualTo(hex(defaults.selectionForeground()));
        assertThat(rgb(settings.getSelectionColor().getBackground())).isEqualTo(hex(defaults.selectionBackground()));
        for (int index = 0; index < TerminalPalette.ANSI_COLOURS; index++) {
            var ansi = TerminalColor.index(index);
            assertThat(settings.getTerminalColorPalette().getForeground(ansi).getRGB() & 0xffffff)
                    .isEqualTo(hex(defaults.ansi(index)));
            assertThat(settings.getTerminalColorPalette().getBackground(ansi).getRGB() & 0xffffff)
                    .isEqualTo(hex(defaults.ansi(index)));
        }
        assertThat(settings.getTerminalFontSize()).isEqualTo((float) defaults.fontSize());
    }

    @Test
    void coloursHandedOutEarlierFollowANewPalette() {
        var foreground = settings.getDefaultForeground();
        var selection = settings.getSelectionColor();
        var properties = new Properties();
        properties.setProperty("foreground", "#00ff41");
        properties.setProperty("selection.background", "#123456");
        properties.setProperty("ansi.2", "#abcdef");
        properties.setProperty("font.size", "20");

        settings.setPalette(TerminalPalette.fromProperties(properties));

        assertThat(rgb(foreground)).isEqualTo(0x00ff41);
        assertThat(rgb(selection.getBackground())).isEqualTo(0x123456);
        assertThat(settings.getTerminalColorPalette().getForeground(TerminalColor.index(2)).getRGB() & 0xffffff)
                .isEqualTo(0xabcdef);
        assertThat(settings.getTerminalFontSize()).isEqualTo(20f);
        assertThat(settings.palette().foreground().toString()).isEqualTo("0x00ff41ff");
    }

    @Test
    void paintsSelectionWithItsOwnColoursAndNeverRingsAwt() {
        assertThat(settings.useInverseSelectionColor()).isFalse();
        assertThat(settings.audibleBell()).isFalse();
    }

    private static int rgb(TerminalColor colour) {
        return colour.toColor().getRGB() & 0xffffff;
    }

    private static int hex(javafx.scene.paint.Color colour) {
        return Integer.parseInt(TerminalPalette.hex(colour).substring(1), 16);
    }
}
