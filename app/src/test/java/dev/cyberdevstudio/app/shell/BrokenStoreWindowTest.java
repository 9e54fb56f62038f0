package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A damaged database: the window still opens, says what is wrong and where, and keeps working. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrokenStoreWindowTest {

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private MainWindow window;
    private Path database;

    @Start
    void start(Stage stage) throws IOException {
        var home = new StudioHome(temp.resolve("home")).ensureCreated();
        database = home.databaseFolder().resolve("studio.mv.db");
        Files.createDirectories(database.getParent());
        var garbage = new byte[32 * 1024];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(database, garbage);
        engine = LocalEngine.start(home);
        var catalog = ThemeCatalog.load();
        var viewModel = new MainWindowViewModel(engine.settings(), engine.recentProjects(), executor, catalog,
            engine.storeProblem());
        var themes = new ThemeManager(catalog, viewModel.themeProperty().get());
        themes.install();
        window = new MainWindow(stage, viewModel, themes, executor, TestShells.inTemporaryHome(temp), engine);
        window.show();
        engine.storeProblem().ifPresent(window::warnAboutStore);
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> window.closeWithoutAsking());
        window.dispose();
        executor.close();
        engine.close();
    }

    @Test
    void opensAndSaysWhichDatabaseFileIsDamaged(FxRobot robot) {
        var dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Settings cannot be saved");
        assertThat(dialog.getContentText()).contains(database.toString()).contains("damaged");

        var warning = robot.lookup("#status-store-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getTooltip().getText()).contains(database.toString());
        assertThat(robot.lookup("#welcome").query().isVisible()).isTrue();
    }
}
