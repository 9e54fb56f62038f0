package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.cli.LaunchOptions;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.terminal.PtyShellLauncher;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: waits for the engine started by the launcher, then builds and shows the main window. */
public final class StudioApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(StudioApplication.class);
    private static volatile LaunchOptions options;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private MainWindow window;

    /** Starts the toolkit and blocks until the window has closed. */
    public static void launch(LaunchOptions launchOptions) {
        options = Objects.requireNonNull(launchOptions);
        Application.launch(StudioApplication.class);
    }

    @Override
    public void start(Stage stage) {
        var timer = new StartupTimer(options.timingFile());
        timer.mark("toolkitStarted");
        try {
            engine = options.engine().join();
            timer.mark("engineReady");
        } catch (CompletionException e) {
            LOG.error("The engine did not start", e.getCause());
            var alert = new Alert(Alert.AlertType.ERROR, "CyberDevStudio could not start its engine: "
                + e.getCause().getMessage() + "\nSee the log file for details.");
            alert.setHeaderText("CyberDevStudio cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        var catalog = ThemeCatalog.load();
        var viewModel = new MainWindowViewModel(engine.settings(), engine.recentProjects(), executor, catalog,
            engine.storeProblem());
        var themes = new ThemeManager(catalog, viewModel.themeProperty().get());
        themes.install();
        window = new MainWindow(stage, viewModel, themes, executor, PtyShellLauncher.forCurrentUser(), engine);
        window.show();
        timer.mark("windowShown");
        timer.whenFirstFrame(stage.getScene(), () -> {
            viewModel.start(options.folder());
            window.afterFirstFrame();
            engine.storeProblem().ifPresent(window::warnAboutStore);
            timer.whenIdle(stage.getScene(), () -> {
                if (options.exitWhenReady()) {
                    window.closeWithoutAsking();
                    Platform.exit();
                }
            });
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        executor.close();
        if (engine != null) {
            engine.close();
        }
    }
}
