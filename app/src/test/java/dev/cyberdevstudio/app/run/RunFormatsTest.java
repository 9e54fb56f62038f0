package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunFormatsTest {

    @Test
    void writesDurationsAtTheScaleTheyHave() {
        assertThat(RunFormats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(RunFormats.duration(Duration.ofMillis(1234))).isEqualTo("1.23 s");
        assertThat(RunFormats.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    }

    @Test
    void writesMemoryInBinaryUnits() {
        assertThat(RunFormats.bytes(512)).isEqualTo("512 B");
        assertThat(RunFormats.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(RunFormats.bytes(12L * 1024 * 1024 + 300_000)).isEqualTo("12 MiB");
        assertThat(RunFormats.bytes(3L << 40)).isEqualTo("3.0 TiB");
    }

    @Test
    void badgesSayHowARunIsConfined() {
        assertThat(RunFormats.badge(Isolation.isolated("bubblewrap, no network")))
                .isEqualTo("isolated: bubblewrap, no network");
        assertThat(RunFormats.badge(Isolation.reduced("bubblewrap is not installed")))
                .isEqualTo("reduced isolation: bubblewrap is not installed");
        assertThat(RunFormats.badge(Isolation.reduced("reduced isolation: no user namespaces")))
                .isEqualTo("reduced isolation: no user namespaces");
        assertThat(RunFormats.badge(Isolation.remote("build-box as ci"))).isEqualTo("remote: build-box as ci");
    }

    @Test
    void stylesUseThemeTokensForDefaultsAndThePaletteForAnsiColours() {
        var styles = new OutputStyles(TerminalPalette.defaults());
        var out = TextStyle.plain(OutputChannel.STDOUT);

        assertThat(styles.css(out)).isEqualTo("-fx-fill: -color-fg-default;");
        assertThat(styles.css(TextStyle.plain(OutputChannel.STDERR))).isEqualTo("-fx-fill: -color-danger-fg;");
        assertThat(styles.css(TextStyle.plain(OutputChannel.SANDBOX)))
                .isEqualTo("-fx-fill: -color-warning-fg;-fx-font-style: italic;");
        assertThat(styles.css(out.withForeground(new AnsiColor.Indexed(1)).withBold(true)))
                .isEqualTo("-fx-fill: #cd3131;-fx-font-weight: bold;");
        assertThat(styles.css(out.withBackground(new AnsiColor.Rgb(1, 2, 3)).withUnderline(true).withDim(true)))
                .isEqualTo("-fx-fill: -color-fg-default;-rtfx-background-color: #010203;-fx-underline: true;"
                        + "-fx-opacity: 0.6;");
        assertThat(styles.css(out.withInverse(true)))
                .isEqualTo("-fx-fill: -studio-editor-bg;-rtfx-background-color: -color-fg-default;");
        assertThat(styles.css(out.withItalic(true))).isEqualTo("-fx-fill: -color-fg-default;-fx-font-style: italic;");
    }

    @Test
    void mapsThe256ColourPalette() {
        var styles = new OutputStyles(TerminalPalette.defaults());

        assertThat(styles.indexed(15)).isEqualTo("#ffffff");
        assertThat(styles.indexed(16)).isEqualTo("#000000");
        assertThat(styles.indexed(208)).isEqualTo("#ff8700");
        assertThat(styles.indexed(231)).isEqualTo("#ffffff");
        assertThat(styles.indexed(232)).isEqualTo("#080808");
        assertThat(styles.indexed(255)).isEqualTo("#eeeeee");
    }
}
