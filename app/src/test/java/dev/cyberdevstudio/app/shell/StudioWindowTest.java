package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cyberdevstudio.app.admin.InstalledRow;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.playground.ModelChoice;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.models.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.StyledTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window over a real engine (H2 store in a temporary data folder): open a folder, open a file from the
 * tree, type, save and read it back; switch the theme live and find it remembered; a terminal in the project.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StudioWindowTest {

    private static final KeyCodeCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private MainWindowViewModel viewModel;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        engine = LocalEngine.start(new StudioHome(Files.createDirectories(temp.resolve("home"))).ensureCreated());
        var catalog = ThemeCatalog.load();
        viewModel = new MainWindowViewModel(engine.settings(), engine.recentProjects(), executor, catalog,
            engine.storeProblem());
        var themes = new ThemeManager(catalog, viewModel.themeProperty().get());
        themes.install();
        window = new MainWindow(stage, viewModel, themes, executor, TestShells.inTemporaryHome(temp), engine);
        window.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> window.closeWithoutAsking());
        window.dispose();
        executor.close();
        engine.close();
    }

    @Test
    void opensAFolderAndAFileFromTheTreeThenSavesWhatWasTyped(FxRobot robot) throws Exception {
        var project = Files.createDirectories(temp.resolve("project-save"));
        var file = Files.writeString(project.resolve("Hello.java"), "class Hello {}\n");

        robot.interact(() -> viewModel.openProject(project));
        assertThat(robot.lookup("#welcome").query().isVisible()).isFalse();
        var cell = waitFor(robot, () -> robot.lookup(".tree-cell").match((TreeCell<?> c) ->
            "Hello.java".equals(c.getText())).tryQuery());
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        var area = waitFor(robot, () -> robot.lookup(".code-area").<CodeArea>tryQuery());
        waitUntil(() -> area.getText().startsWith("class Hello"));

        robot.clickOn(area);
        robot.interact(() -> area.moveTo(0));
        robot.write("//");
        robot.push(SAVE);

        waitUntil(() -> readQuietly(file).equals("//class Hello {}\n"));
        assertThat(stage.getTitle()).isEqualTo("project-save — CyberDevStudio");
        assertThat(robot.lookup("#status-language").queryAs(Label.class).getText()).isEqualTo("Java");
        // The typed "//" turned the line into a comment: the highlighter must have followed the edit.
        waitUntil(() -> area.getStyleOfChar(4).contains("comment"));
    }

    @Test
    void switchesTheThemeLiveAndRemembersIt(FxRobot robot) {
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.contains("neon-cyber-night"));

        var menuBar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        var themeMenu = (Menu) menuBar.getMenus().stream().filter(menu -> menu.getId().equals("menu-view")).findFirst()
            .orElseThrow().getItems().stream().filter(item -> "menu-theme".equals(item.getId())).findFirst()
            .orElseThrow();
        var serialSteel = themeMenu.getItems().stream().filter(item -> "theme-serial-steel".equals(item.getId()))
            .findFirst().orElseThrow();
        robot.interact(serialSteel::fire);

        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.contains("serial-steel"))
            .noneMatch(sheet -> sheet.contains("neon-cyber-night"));
        assertThat(robot.lookup("#status-theme").queryAs(Label.class).getText()).isEqualTo("SerialSteel");
        waitUntil(() -> engine.settings().get(MainWindowViewModel.THEME_KEY).equals(Optional.of("serial-steel")));
    }

    @Test
    void opensThePlaygroundAndTheAdminPaneOverTheModelsFolder(FxRobot robot) throws Exception {
        var models = Files.createDirectories(engine.home().root().resolve("models"));
        var tiny = TestModels.tiny(Files.createDirectories(temp.resolve("generated")));
        Files.copy(tiny, models.resolve("tiny-chat.gguf"), StandardCopyOption.REPLACE_EXISTING);
        var tools = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
            .filter(menu -> "menu-tools".equals(menu.getId())).findFirst().orElseThrow();

        robot.interact(() -> item(tools, "menu-llm-playground").fire());
        var picker = waitFor(robot, () -> robot.lookup("#playground-model").<ComboBox<ModelChoice>>tryQuery());
        waitUntil(() -> picker.getItems().stream().anyMatch(choice -> choice.label().contains("tiny-chat")));

        robot.interact(() -> item(tools, "menu-models-system-and-usage").fire());
        var admin = waitFor(robot, () -> robot.lookup("#admin-pane").tryQuery());
        assertThat(admin.getScene().getWindow()).isNotSameAs(stage).isNotSameAs(picker.getScene().getWindow());
        TableView<InstalledRow> installed = robot.from(admin).lookup("#admin-installed").query();
        waitUntil(() -> installed.getItems().stream().anyMatch(row -> row.fileName().equals("tiny-chat.gguf")));
    }

    @Test
    void runsTheOpenFileFromTheRunMenuAndShowsItsOutputAndIsolation(FxRobot robot) throws Exception {
        // Run as root, the sandbox drops to an unprivileged user, who must be able to reach the project.
        var project = Files.createDirectories(temp.resolve("project-run"));
        for (var folder : new Path[] {temp, project}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var script = Files.writeString(project.resolve("hello.sh"), "echo \"hello from $(basename $0)\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        robot.interact(() -> viewModel.openProject(project));
        var cell = waitFor(robot, () -> robot.lookup(".tree-cell").match((TreeCell<?> c) ->
            "hello.sh".equals(c.getText())).tryQuery());
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        waitFor(robot, () -> robot.lookup(".code-area").<CodeArea>tryQuery());

        var runMenu = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
            .filter(menu -> "menu-run".equals(menu.getId())).findFirst().orElseThrow();
        robot.interact(() -> item(runMenu, "menu-run-current-file").fire());

        var output = waitFor(robot, () -> robot.lookup("#run-output-area").<StyledTextArea<?, ?>>tryQuery());
        waitUntil(() -> output.getText().contains("hello from hello.sh"));
        Label outcome = robot.lookup("#run-outcome").query();
        waitUntil(() -> outcome.getText().contains("exited with code 0"));
        Label badge = robot.lookup("#run-isolation").query();
        assertThat(badge.getText()).isNotBlank();
        assertThat(robot.lookup("#bottom-panel").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
            .getId()).isEqualTo("bottom-run");
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    @Test
    void opensATerminalInTheProjectFolder(FxRobot robot) throws Exception {
        var project = Files.createDirectories(temp.resolve("project-terminal"));
        robot.interact(() -> viewModel.openProject(project));
        robot.interact(() -> window.afterFirstFrame());

        var tab = waitFor(robot, () -> robot.lookup(".tab-pane .tab").match((Node node) ->
            node.lookup(".tab-label") instanceof Label label && label.getText().contains("project-terminal"))
            .tryQuery());
        assertThat(tab).isNotNull();
    }

    @Test
    void remembersTheLayoutAndTheRecentProjectAcrossRestarts(FxRobot robot) throws Exception {
        var project = Files.createDirectories(temp.resolve("project-recent"));
        robot.interact(() -> viewModel.openProject(project));
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        waitUntil(() -> engine.recentProjects().list().stream().anyMatch(r -> r.folder().equals(project)));

        robot.interact(() -> window.closeWithoutAsking());

        var layout = viewModel.savedLayout();
        assertThat(layout.width()).isEqualTo(1000);
        assertThat(layout.height()).isEqualTo(700);
        assertThat(engine.settings().get(MainWindowViewModel.LAST_PROJECT_KEY)).contains(project.toString());
    }

    @Test
    void hidingTheTerminalKeepsWhereTheUserPutItsDivider(FxRobot robot) {
        var centre = robot.lookup(".split-pane").match((SplitPane pane) ->
            pane.getOrientation() == Orientation.VERTICAL).queryAs(SplitPane.class);
        robot.interact(() -> window.afterFirstFrame());
        robot.interact(() -> centre.setDividerPositions(0.4));
        // The split pane may nudge a requested position to honour its children's minimum sizes.
        double placed = centre.getDividerPositions()[0];
        assertThat(placed).isCloseTo(0.4, within(0.05)).isNotCloseTo(WindowLayout.DEFAULT.terminalDivider(),
            within(0.05));

        robot.interact(() -> viewModel.terminalVisibleProperty().set(false));
        assertThat(centre.getItems()).hasSize(1);
        robot.interact(() -> window.closeWithoutAsking());
        assertThat(viewModel.savedLayout().terminalDivider()).isCloseTo(placed, within(0.001));
        assertThat(viewModel.savedLayout().terminalVisible()).isFalse();

        robot.interact(() -> viewModel.terminalVisibleProperty().set(true));
        assertThat(centre.getDividerPositions()[0]).isCloseTo(placed, within(0.01));
    }

    private static <T> T waitFor(FxRobot robot, java.util.function.Supplier<Optional<T>> lookup)
        throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup.get().isPresent());
        return lookup.get().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
