package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class TerminalPaletteTest {

    @Test
    void readsEveryKeyOfATheme() throws IOException {
        var text = new StringBuilder("""
                foreground=#c8d3f5
                background=#0b0f1a
                selection.foreground=#000000
                selection.background=#00E5FF
                cursor=#ff2bd6
                font.family=JetBrains Mono
                font.size=13.5
                """);
        for (int index = 0; index < 16; index++) {
            text.append("ansi.").append(index).append("=#0000").append(String.format("%02x", index * 16)).append('\n');
        }

        var palette = TerminalPalette.fromProperties(properties(text.toString()));

        assertThat(palette.foreground()).isEqualTo(Color.web("#c8d3f5"));
        assertThat(palette.background()).isEqualTo(Color.web("#0b0f1a"));
        assertThat(palette.selectionForeground()).isEqualTo(Color.BLACK);
        assertThat(palette.selectionBackground()).isEqualTo(Color.web("#00e5ff"));
        assertThat(palette.cursor()).isEqualTo(Color.web("#ff2bd6"));
        assertThat(palette.ansi()).hasSize(16);
        assertThat(palette.ansi(0)).isEqualTo(Color.web("#000000"));
        assertThat(palette.ansi(15)).isEqualTo(Color.web("#0000f0"));
        assertThat(palette.fontFamily()).isEqualTo("JetBrains Mono");
        assertThat(palette.fontSize()).isEqualTo(13.5);
    }

    @Test
    void keepsTheDefaultsForKeysAThemeLeavesOut() throws IOException {
        var palette = TerminalPalette.fromProperties(properties("background=#101010\nansi.4=#3366ff\n"));

        var defaults = TerminalPalette.defaults();
        assertThat(palette.background()).isEqualTo(Color.web("#101010"));
        assertThat(palette.ansi(4)).isEqualTo(Color.web("#3366ff"));
        assertThat(palette.foreground()).isEqualTo(defaults.foreground());
        assertThat(palette.cursor()).isEqualTo(defaults.cursor());
        assertThat(palette.ansi(3)).isEqualTo(defaults.ansi(3));
        assertThat(palette.fontFamily()).isEqualTo(defaults.fontFamily());
        assertThat(palette.fontSize()).isEqualTo(defaults.fontSize());
        assertThat(TerminalPalette.fromProperties(new Properties())).isEqualTo(defaults);
    }

    @Test
    void toleratesSpacesAroundValues() throws IOException {
        var palette = TerminalPalette.fromProperties(properties("cursor = #ABCDEF  \nfont.size= 12 \n"));

        assertThat(palette.cursor()).isEqualTo(Color.web("#abcdef"));
        assertThat(palette.fontSize()).isEqualTo(12);
    }

    @Test
    void refusesAColourThatIsNotHexNamingTheKey() throws IOException {
        for (var bad : List.of("red", "#fff", "#12345g", "rgb(1,2,3)", "")) {
            var properties = properties("");
            properties.setProperty("ansi.7", bad);

            assertThatThrownBy(() -> TerminalPalette.fromProperties(properties))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ansi.7")
                    .hasMessageContaining("#rrggbb");
        }
    }

    @Test
    void refusesAFontSizeThatIsNotAPositiveNumber() {
        for (var bad : List.of("big", "0", "-3", "NaN", "Infinity")) {
            var properties = new Properties();
            properties.setProperty("font.size", bad);

            assertThatThrownBy(() -> TerminalPalette.fromProperties(properties))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("font.size");
        }
    }

    @Test
    void refusesABlankFontFamily() {
        var properties = new Properties();
        properties.setProperty("font.family", "  ");

        assertThatThrownBy(() -> TerminalPalette.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("font.family");
    }

    @Test
    void needsExactlySixteenAnsiColours() {
        var defaults = TerminalPalette.defaults();

        assertThatThrownBy(() -> new TerminalPalette(defaults.foreground(), defaults.background(),
                defaults.selectionForeground(), defaults.selectionBackground(), defaults.cursor(),
                Collections.nCopies(8, Color.RED), "Monospaced", 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16");
        assertThatThrownBy(() -> new TerminalPalette(defaults.foreground(), defaults.background(),
                defaults.selectionForeground(), defaults.selectionBackground(), defaults.cursor(),
                defaults.ansi(), "Monospaced", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesColoursInThePropertiesForm() {
        assertThat(TerminalPalette.hex(Color.web("#0A0b1C"))).isEqualTo("#0a0b1c");
        assertThat(TerminalPalette.hex(TerminalPalette.defaults().background())).isEqualTo("#1e1e1e");
    }

    private static Properties properties(String text) throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
