package dev.cyberdevstudio.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The themes the themes module ships, read from its resources. The first listed is the default. */
public final class ThemeCatalog {

    private static final String ROOT = "/dev/cyberdevstudio/themes/";

    private final List<StudioTheme> themes;
    private final String sharedStylesheet;

    private ThemeCatalog(List<StudioTheme> themes, String sharedStylesheet) {
        this.themes = List.copyOf(themes);
        this.sharedStylesheet = sharedStylesheet;
    }

    public static ThemeCatalog load() {
        var index = properties(ROOT + "themes.properties");
        var ids = Arrays.stream(index.getProperty("themes", "").split(",")).map(String::strip)
            .filter(id -> !id.isEmpty()).toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("The themes module lists no themes in themes.properties");
        }
        return new ThemeCatalog(ids.stream().map(ThemeCatalog::theme).toList(), resource(ROOT + "studio.css"));
    }

    public List<StudioTheme> themes() {
        return themes;
    }

    public StudioTheme defaultTheme() {
        return themes.getFirst();
    }

    public Optional<StudioTheme> byId(String id) {
        return themes.stream().filter(theme -> theme.id().equals(id)).findFirst();
    }

    /** Rules every theme shares; they use only tokens. */
    public String sharedStylesheet() {
        return sharedStylesheet;
    }

    private static StudioTheme theme(String id) {
        var folder = ROOT + id + "/";
        var meta = properties(folder + "theme.properties");
        var base = switch (meta.getProperty("base", "primer-dark")) {
            case "primer-light" -> new PrimerLight().getUserAgentStylesheet();
            case "primer-dark" -> new PrimerDark().getUserAgentStylesheet();
            default -> throw new IllegalStateException("Theme " + id + " names an unknown base: " + meta.getProperty("base"));
        };
        return new StudioTheme(id, meta.getProperty("name", id), Boolean.parseBoolean(meta.getProperty("dark")),
            base, resource(folder + "theme.css"), properties(folder + "terminal.properties"));
    }

    private static String resource(String path) {
        URL url = ThemeCatalog.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("The themes module has no " + path);
        }
        return url.toExternalForm();
    }

    private static Properties properties(String path) {
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The themes module has no " + path);
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
