package dev.cyberdevstudio.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window over real pyright, installed from npm by {@code ./check} into {@code .ci/npm-tools}: a type error
 * shows as a squiggle and a Problems entry, completion appears while typing and inserts, F12 goes to the definition.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageServerWindowTest {

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private MainWindowViewModel viewModel;
    private MainWindow window;

    @BeforeAll
    static void needsPyright() {
        var tools = Optional.ofNullable(System.getenv("CYBERDEVSTUDIO_NPM_TOOLS")).map(Path::of);
        boolean installed = tools.map(folder -> Files.isExecutable(folder.resolve("node_modules/.bin/pyright-langserver")))
            .orElse(false);
        assumeTrue(installed || "true".equals(System.getenv("CI")), "pyright is not installed (run ./check)");
    }

    @Start
    void start(Stage stage) throws IOException {
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
    void showsPyrightsProblemsCompletesAndGoesToTheDefinition(FxRobot robot) throws Exception {
        var project = Files.createDirectories(temp.resolve("py-project"));
        Files.writeString(project.resolve("models.py"), "class Greeter:\n    def greet(self, name: str) -> str:\n"
            + "        return \"hi \" + name\n");
        Files.writeString(project.resolve("main.py"), "from models import Greeter\n\nGreeter().greet(1)\n");

        robot.interact(() -> viewModel.openProject(project));
        var cell = waitFor(() -> robot.lookup(".tree-cell").match((TreeCell<?> c) ->
            "main.py".equals(c.getText())).tryQuery());
        robot.doubleClickOn(cell, MouseButton.PRIMARY);
        var area = waitFor(() -> robot.lookup(".code-area").<CodeArea>tryQuery());
        waitUntil(() -> area.getText().startsWith("from models"));

        waitUntil(() -> robot.lookup(".lsp-squiggle").tryQuery().isPresent());
        robot.interact(() -> {
            viewModel.terminalVisibleProperty().set(true);
            window.afterFirstFrame();
        });
        var problems = robot.lookup("#bottom-panel").queryAs(TabPane.class).getTabs().stream()
            .filter(tab -> "bottom-problems".equals(tab.getId())).findFirst().orElseThrow();
        waitUntil(() -> problems.getText().matches("Problems \\([1-9]\\d*\\)"));
        waitUntil(() -> robot.lookup(".lsp-problem-row").tryQuery().isPresent());

        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.write("Greeter().gr");
        waitUntil(() -> robot.lookup(".lsp-completion-name").queryAll().stream()
            .anyMatch(node -> node instanceof javafx.scene.control.Labeled label && "greet".equals(label.getText())));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> area.getText().contains("Greeter().greet\n") || area.getText().endsWith("Greeter().greet"));

        int at = area.getText().indexOf("greet(1)") + 2;
        robot.interact(() -> area.moveTo(at));
        robot.type(KeyCode.F12);
        waitUntil(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
            .map(pane -> pane.getSelectionModel().getSelectedItem())
            .anyMatch(tab -> tab != null && tab.getText() != null && tab.getText().startsWith("models.py")));
        var selected = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
            .map(pane -> pane.getSelectionModel().getSelectedItem())
            .filter(tab -> tab != null && tab.getText() != null && tab.getText().startsWith("models.py"))
            .map(Tab::getContent).findFirst().orElseThrow();
        var models = robot.from(selected).lookup(".code-area").queryAs(CodeArea.class);
        waitUntil(() -> models.getCurrentParagraph() == 1);
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> lookup) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup.get().isPresent());
        return lookup.get().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 60 s", e);
        }
    }
}
