package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.lsp.CompletionItem;
import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.FileDiagnostics;
import dev.cyberdevstudio.engine.lsp.ServerStatus;
import dev.cyberdevstudio.engine.lsp.SignatureHelp;
import dev.cyberdevstudio.engine.lsp.TextSpan;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders an editor with a squiggle, the completion list and parameter info over it, the Problems list below and
 * the status line, in each theme, to {@code target/screenshots/lsp-THEME.png} for people to look at. Popups are
 * windows of their own, so the screen is captured rather than the scene.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanguageFeaturesScreenshotTest {

    private static final String SOURCE = """
            import os


            def greet(name: str, times: int) -> str:
                \"\"\"Says hello.\"\"\"
                return ("Hello " + name) * times


            value = os.nothing
            count: int = "three"
            """;

    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void rendersTheFeaturesInEveryTheme(FxRobot robot) throws Exception {
        var out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        for (var theme : ThemeCatalog.load().themes()) {
            var file = out.resolve("lsp-" + theme.id() + ".png");
            render(robot, theme.id(), file);
            assertThat(file).isNotEmptyFile();
        }
    }

    private void render(FxRobot robot, String themeId, Path out) throws Exception {
        var executor = new FxTaskExecutor();
        var service = new ScriptedLanguageService(".py");
        service.completions = List.of(
                item("greet", "function", "(name: str, times: int) -> str", "Says hello."),
                item("green", "variable", "int", ""),
                item("getattr", "function", "(o: object, name: str, /) -> Any", ""),
                item("globals", "function", "() -> dict[str, Any]", ""),
                item("GeneratorExit", "class", "type[GeneratorExit]", ""));
        service.signature = Optional.of(new SignatureHelp("greet(name: str, times: int) -> str",
                List.of("name: str", "times: int"), 1, "Says hello."));
        var file = Files.writeString(folder.resolve("main.py"), SOURCE);
        var editors = new EditorTabsViewModel(executor, new TestEditorDialogs());
        var support = new LanguageSupport(executor, editors::find, editors::openAt);
        var status = new Label();
        var editorPane = new AtomicReference<EditorTabsPane>();
        robot.interact(() -> {
            var catalog = ThemeCatalog.load();
            var theme = catalog.byId(themeId).orElseThrow();
            Application.setUserAgentStylesheet(theme.baseStylesheet());
            editorPane.set(new EditorTabsPane(editors));
            editorPane.get().addEditorFeature(support::attach);
            support.connect(service);
            var bottom = new TabPane();
            var problemsTab = new Tab(null, new ProblemsPane(support.problems()));
            problemsTab.textProperty().bind(support.problems().titleProperty());
            bottom.getTabs().addAll(problemsTab, new Tab("References", new LocationsPane(support.references())));
            var split = new SplitPane(editorPane.get(), bottom);
            split.setOrientation(Orientation.VERTICAL);
            split.setDividerPositions(0.68);
            status.textProperty().bind(support.status().textProperty());
            status.setStyle("-fx-padding: 2 8 2 8;");
            var root = new BorderPane(split, null, null, status, null);
            var scene = new Scene(root, 960, 640);
            new ThemeManager(catalog, theme).style(scene);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            editors.open(file);
        });
        var editor = new AtomicReference<CodeEditor>();
        waitUntil(() -> {
            editor.set(editors.find(file).flatMap(editorPane.get()::editorFor).orElse(null));
            return editor.get() != null && editor.get().feature(LanguageFeatures.class).isPresent();
        });
        var area = editor.get().area();
        var path = editor.get().document().path();
        service.publish(new FileDiagnostics(path, List.of(
                new Diagnostic(TextSpan.of(8, 11, 8, 18), Diagnostic.Severity.ERROR,
                        "\"nothing\" is not a known attribute of module \"os\"", "Pyright",
                        "reportAttributeAccessIssue"),
                new Diagnostic(TextSpan.of(9, 13, 9, 20), Diagnostic.Severity.ERROR,
                        "Type \"Literal['three']\" is not assignable to declared type \"int\"", "Pyright",
                        "reportAssignmentType"),
                new Diagnostic(TextSpan.of(0, 7, 0, 9), Diagnostic.Severity.WARNING, "Import \"os\" is not accessed",
                        "Pyright", "reportUnusedImport"),
                new Diagnostic(TextSpan.of(4, 4, 4, 20), Diagnostic.Severity.HINT, "Docstring could say more",
                        "Pyright", ""))));
        service.status(new ServerStatus("pyright", ServerStatus.State.MISSING, "npm install -g pyright"));
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.write("greet(\"Ada\", g");
        var features = editor.get().feature(LanguageFeatures.class).orElseThrow();
        try {
            waitUntil(() -> features.completion().isShowing() && features.signature().isShowing()
                    && features.squiggles().squiggles().size() == 4);
        } catch (TimeoutException e) {
            throw new AssertionError("completion " + features.completion().isShowing() + " signature "
                    + features.signature().isShowing() + " squiggles " + features.squiggles().squiggles().size()
                    + " text " + area.getText() + " calls " + service.calls, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        var window = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        save(robot.capture(window).getImage(), out);
        robot.interact(() -> {
            editors.closeAll();
            support.close();
        });
        executor.close();
    }

    private static CompletionItem item(String label, String kind, String detail, String documentation) {
        return new CompletionItem(label, kind, detail, documentation, Optional.empty(), label, List.of());
    }

    private static void save(Image image, Path out) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        var buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", out.toFile());
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
