package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.TestProcessLauncher;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Renders the execution view alone, after a few real runs, to a PNG: {@code RunPaneShot OUT.png [theme-id]}. For
 * looking at the pane under Xvfb; not a test.
 */
public final class RunPaneShot {

    private static final List<String> COMMANDS = List.of(
            "echo hello from the studio",
            "no-such-program --version",
            "sh -c 'echo \"compiling 3 files\"; printf \"\\033[32mPASS\\033[0m parser"
                    + " \\033[38;5;208m(12 ms)\\033[0m\\n\"; printf \"\\033[1;31mFAIL\\033[0m lexer: expected"
                    + " \\033[4m;\\033[0m\\n\"; echo \"warning: deprecated API in Lexer.java\" >&2;"
                    + " printf \"\\033[44;97m done \\033[0m\\n\"; exit 1'");

    private RunPaneShot() {
    }

    // A main outside the Application subclass: the JDK's launcher refuses one on the class path otherwise.
    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** The application that renders the pane. */
    public static final class Shot extends Application {

        @Override
        public void start(Stage stage) throws IOException {
            var args = getParameters().getRaw();
            var out = Path.of(args.isEmpty() ? "run-pane.png" : args.getFirst());
            var catalog = ThemeCatalog.load();
            var theme = args.size() > 1 ? catalog.byId(args.get(1)).orElseThrow() : catalog.defaultTheme();
            Application.setUserAgentStylesheet(theme.baseStylesheet());
            var project = Files.createTempDirectory("run-shot");
            var executor = new FxTaskExecutor();
            var runs = new RunService(new TestProcessLauncher(), new InMemoryRunHistory());
            var viewModel = new RunViewModel(runs, executor, project);
            var palette = TerminalPalette.fromProperties(theme.terminal());
            var pane = new RunPane(viewModel, palette, owner -> Optional.empty());
            var scene = new Scene(pane, 1100, 520);
            new ThemeManager(catalog, theme).style(scene);
            stage.setScene(scene);
            stage.setTitle("Execution view");
            stage.show();
            runNext(viewModel, 0, () -> {
                viewModel.commandLineProperty().set(COMMANDS.getLast());
                var settle = new PauseTransition(Duration.millis(800));
                settle.setOnFinished(event -> {
                    save(scene.snapshot(null), out);
                    runs.close();
                    executor.close();
                    Platform.exit();
                });
                settle.play();
            });
        }
    }

    private static void runNext(RunViewModel viewModel, int index, Runnable then) {
        if (index == COMMANDS.size()) {
            then.run();
            return;
        }
        var project = viewModel.projectRootProperty().get();
        viewModel.start(RunRequest.ProcessRun.ofCommandLine(COMMANDS.get(index), project));
        var wait = new PauseTransition(Duration.millis(200));
        wait.setOnFinished(event -> {
            if (viewModel.runningProperty().get() || viewModel.history().size() <= index) {
                wait.playFromStart();
            } else {
                runNext(viewModel, index + 1, then);
            }
        });
        wait.play();
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
