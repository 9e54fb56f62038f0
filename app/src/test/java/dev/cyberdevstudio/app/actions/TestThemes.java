package dev.cyberdevstudio.app.actions;

import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import javafx.application.Application;
import javafx.scene.Scene;

/** Gives a test's scene a real theme, as the studio does, so that the panes' looked-up colours resolve. */
public final class TestThemes {

    private TestThemes() {
    }

    public static StudioTheme apply(Scene scene, String themeId) {
        var catalog = ThemeCatalog.load();
        var theme = catalog.byId(themeId).orElseThrow();
        Application.setUserAgentStylesheet(theme.baseStylesheet());
        scene.getStylesheets().setAll(catalog.sharedStylesheet(), theme.tokensStylesheet());
        return theme;
    }

    public static StudioTheme apply(Scene scene) {
        return apply(scene, ThemeCatalog.load().defaultTheme().id());
    }
}
