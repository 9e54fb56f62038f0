package dev.cyberdevstudio.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThemeCatalogTest {

    private final ThemeCatalog catalog = ThemeCatalog.load();

    @Test
    void offersNeonCyberNightFirstAndSerialSteel() {
        assertThat(catalog.themes()).extracting(StudioTheme::name).containsExactly("NeonCyberNight", "SerialSteel");
        assertThat(catalog.defaultTheme().dark()).isTrue();
        assertThat(catalog.byId("serial-steel")).get().extracting(StudioTheme::dark).isEqualTo(false);
        assertThat(catalog.byId("no-such-theme")).isEmpty();
    }

    @Test
    void everyThemeDefinesEveryTokenTheSharedRulesUse() throws IOException {
        var shared = read(catalog.sharedStylesheet());
        var used = Pattern.compile("(-studio-[a-z-]+|-color-[a-z0-9-]+)").matcher(shared).results()
            .map(match -> match.group(1)).filter(token -> token.startsWith("-studio-")).distinct().toList();
        assertThat(used).isNotEmpty();
        for (var theme : catalog.themes()) {
            var tokens = read(theme.tokensStylesheet());
            assertThat(used).allSatisfy(token ->
                assertThat(tokens).as("%s defines %s", theme.name(), token).contains(token + ":"));
        }
    }

    @Test
    void everyThemeGivesTheTerminalAFullPalette() {
        for (var theme : catalog.themes()) {
            var palette = theme.terminal();
            assertThat(palette.getProperty("foreground")).matches("#[0-9a-f]{6}");
            assertThat(palette.getProperty("background")).matches("#[0-9a-f]{6}");
            for (int colour = 0; colour < 16; colour++) {
                assertThat(palette.getProperty("ansi." + colour)).as("%s ansi.%d", theme.name(), colour)
                    .matches("#[0-9a-f]{6}");
            }
        }
    }

    @Test
    void theSharedRulesUseNoLiteralColours() throws IOException {
        var rules = read(catalog.sharedStylesheet()).replaceAll("(?s)/\\*.*?\\*/", "");

        assertThat(rules).doesNotContainPattern("#[0-9a-fA-F]{3,8}\\b").doesNotContain("rgb(");
    }

    private static String read(String url) throws IOException {
        try (var in = URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
