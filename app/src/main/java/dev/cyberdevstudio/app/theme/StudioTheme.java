package dev.cyberdevstudio.app.theme;

import java.util.Properties;

/**
 * One theme of the themes module: an AtlantaFX base under our colour tokens, plus the terminal's palette.
 *
 * @param id          folder name under {@code dev/cyberdevstudio/themes}, also the value remembered in settings
 * @param name        what the View menu shows
 * @param dark        whether the theme is dark
 * @param baseStylesheet AtlantaFX user-agent stylesheet the tokens sit on
 * @param tokensStylesheet URL of the theme's token sheet
 * @param terminal    the terminal palette, as the terminal reads it
 */
public record StudioTheme(String id, String name, boolean dark, String baseStylesheet, String tokensStylesheet,
                          Properties terminal) {
}
