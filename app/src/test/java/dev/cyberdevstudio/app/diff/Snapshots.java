package dev.cyberdevstudio.app.diff;

import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Themes a test's scene and writes what it shows to a PNG under target/, to look at. Call on the FX thread. */
public final class Snapshots {

    /** The themes the studio ships, by id. */
    public static final List<String> THEMES = List.of("neon-cyber-night", "serial-steel");

    private Snapshots() {
    }

    public static void theme(Scene scene, String themeId) {
        var catalog = ThemeCatalog.load();
        var theme = catalog.byId(themeId).orElseThrow();
        Application.setUserAgentStylesheet(theme.baseStylesheet());
        new ThemeManager(catalog, theme).style(scene);
    }

    /** Puts JavaFX's own look back, so that later tests in the same JVM do not run under a theme. */
    public static void resetTheme(Scene scene) {
        Application.setUserAgentStylesheet(null);
        scene.getStylesheets().clear();
    }

    public static Path save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        try {
            var folder = Files.createDirectories(Path.of("target", "shots"));
            var file = folder.resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }
}
