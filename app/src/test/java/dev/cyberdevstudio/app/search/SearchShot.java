package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.search.FileIndex;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Renders quick open (over a stand-in window) and the search pane with results to PNGs:
 * {@code SearchShot OUT_FOLDER [theme-id]}. For looking at them under Xvfb; not a test.
 */
public final class SearchShot {

    private SearchShot() {
    }

    // A main outside the Application subclass: the JDK's launcher refuses one on the class path otherwise.
    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** The application that renders both. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            var args = getParameters().getRaw();
            var out = Path.of(args.isEmpty() ? "." : args.getFirst());
            var catalog = ThemeCatalog.load();
            var theme = args.size() > 1 ? catalog.byId(args.get(1)).orElseThrow() : catalog.defaultTheme();
            Application.setUserAgentStylesheet(theme.baseStylesheet());
            var project = sampleProject();
            var executor = new FxTaskExecutor();
            var index = FileIndex.build(project);
            FileOpener nowhere = (file, line, column) -> { };

            var quickOpen = new QuickOpenViewModel(executor, nowhere);
            quickOpen.setIndex(index);
            var popup = new QuickOpenPopup(quickOpen);
            var window = new BorderPane(new Label("editor"));
            window.setPadding(new Insets(20));
            var over = new StackPane(window, popup.content());
            StackPane.setAlignment(popup.content(), Pos.TOP_CENTER);
            StackPane.setMargin(popup.content(), new Insets(40, 0, 0, 0));
            popup.content().setMaxSize(QuickOpenPopup.WIDTH, 300);
            var quickScene = new Scene(over, 900, 400);

            var search = new SearchInFilesViewModel(executor, nowhere);
            search.setIndex(index);
            var pane = new SearchInFilesPane(search);
            var searchScene = new Scene(pane, 900, 420);
            var themes = new ThemeManager(catalog, theme);
            themes.style(quickScene);
            themes.style(searchScene);

            stage.setScene(quickScene);
            stage.show();
            var second = new Stage();
            second.setScene(searchScene);
            second.show();

            quickOpen.noteOpened(project.resolve("docs/guide.md"));
            quickOpen.queryProperty().set("mwin");
            search.queryProperty().set("todo");
            search.includeProperty().set("*.java, *.md");
            search.excludeProperty().set("**/test/**");
            search.search();
            var settle = new PauseTransition(Duration.millis(1500));
            settle.setOnFinished(event -> {
                save(quickScene.snapshot(null), out.resolve("quick-open-" + theme.id() + ".png"));
                save(searchScene.snapshot(null), out.resolve("search-" + theme.id() + ".png"));
                search.regexProperty().set(true);
                search.queryProperty().set("todo(");
                var bad = new PauseTransition(Duration.millis(300));
                bad.setOnFinished(later -> {
                    save(searchScene.snapshot(null), out.resolve("search-bad-regex-" + theme.id() + ".png"));
                    index.close();
                    executor.close();
                    Platform.exit();
                });
                bad.play();
            });
            settle.play();
        }
    }

    private static Path sampleProject() throws IOException {
        var project = Files.createTempDirectory("search-shot");
        var files = List.of(
                "app/src/main/java/dev/studio/shell/MainWindow.java",
                "app/src/main/java/dev/studio/shell/MainWindowViewModel.java",
                "app/src/main/java/dev/studio/menu/MenuWindow.java",
                "app/src/test/java/dev/studio/shell/MainWindowTest.java",
                "engine/src/main/java/dev/studio/search/MinimalWindowing.java",
                "tools/mw/install.sh",
                "docs/guide.md");
        for (var file : files) {
            var path = project.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "class X {\n    // TODO: wire the menus\n    void run() { /* todo later */ }\n"
                    + "\tString todo = \"todo\";\n}\n");
        }
        return project;
    }

    private static void save(WritableImage image, Path out) {
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
            ImageIO.write(buffered, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
