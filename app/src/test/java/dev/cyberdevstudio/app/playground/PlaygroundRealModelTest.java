package dev.cyberdevstudio.app.playground;

// PENDING: rename to PlaygroundRealModelTest.java once part/llm (LlamaRuntime, models.testing.TestModels) is merged.
// It does not compile before that merge, which is why it carries another extension on part/playground.

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.playground.StoredRun;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.LlamaRuntime;
import dev.cyberdevstudio.models.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
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
 * The playground in a real window on the real llama.cpp runtime and a tiny generated GGUF: the file is loaded through
 * the picker, text streams, the runtime's token counts reach the counters, the store and the ledger, Stop cancels,
 * and the first run reopens from the history.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PlaygroundRealModelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private LlamaRuntime runtime;
    private PlaygroundPane pane;
    private Path model;

    @Start
    void start(Stage stage) throws IOException {
        engine = LocalEngine.start(new StudioHome(Files.createDirectories(temp.resolve("home"))).ensureCreated());
        runtime = LlamaRuntime.create(engine.tokenLedger());
        model = TestModels.tiny(Files.createDirectories(temp.resolve("models")));
        pane = PlaygroundPane.create(runtime, () -> List.of(model), engine.tokenLedger(), engine.playgroundHistory(),
                engine.settings(), executor);
        var catalog = ThemeCatalog.load();
        var themes = new ThemeManager(catalog, catalog.defaultTheme());
        themes.install();
        var scene = new Scene(pane, 1200, 760);
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeEverything() {
        runtime.close();
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        engine.close();
    }

    @Test
    void streamsFromARealModelStopsItAndReopensTheFirstRun(FxRobot robot) throws Exception {
        awaitFx(() -> pane.viewModel().models().size() == 1);
        robot.clickOn("#playground-model");
        robot.clickOn(robot.lookup((Node node) -> node instanceof ListCell<?> cell
                && model.getFileName().toString().equals(cell.getText())).queryAs(Node.class));
        awaitFx(() -> pane.viewModel().currentModel().isPresent());

        robot.interact(() -> {
            pane.viewModel().userPromptProperty().set("Hello there");
            pane.viewModel().temperatureProperty().set(0);
            pane.viewModel().seedProperty().set("42");
            pane.viewModel().maxTokensProperty().set(16);
        });
        robot.clickOn("#playground-run");
        awaitFx(() -> historyItems(robot).size() == 1);

        var first = historyItems(robot).getFirst().run();
        var output = robot.lookup("#playground-output").queryAs(TextArea.class);
        // The text area drops control characters a random model may produce; the view model keeps them all.
        assertThat(text(() -> pane.viewModel().outputProperty().get())).isEqualTo(first.output()).isNotEmpty();
        assertThat(text(output::getText)).isNotBlank();
        assertThat(first.generatedTokens()).isBetween(1, 16);
        assertThat(first.promptTokens()).isPositive();
        assertThat(text(() -> robot.lookup("#playground-tokens").queryAs(Label.class).getText()))
                .isEqualTo(first.generatedTokens() + " out · " + first.promptTokens() + " in");
        assertThat(text(() -> robot.lookup("#playground-ttft").queryAs(Label.class).getText())).matches("[\\d.]+ m?s");
        assertThat(engine.tokenLedger().recent(5)).singleElement().satisfies(usage -> {
            assertThat(usage.generatedTokens()).isEqualTo(first.generatedTokens());
            assertThat(usage.promptTokens()).isEqualTo(first.promptTokens());
        });

        // A long answer, stopped in the middle. A random tiny model may end its turn early: then there is nothing
        // to stop, and the run must have ended by itself.
        robot.interact(() -> {
            pane.viewModel().userPromptProperty().set("Tell me a long story");
            pane.viewModel().maxTokensProperty().set(2000);
        });
        robot.clickOn("#playground-run");
        awaitFx(() -> pane.viewModel().generatedTokensProperty().get() >= 4
                || pane.viewModel().phaseProperty().get() == PlaygroundPhase.IDLE);
        robot.interact(() -> pane.viewModel().stop());
        awaitFx(() -> historyItems(robot).size() == 2);
        var second = historyItems(robot).getFirst().run();
        assertThat(second.outcome()).isIn(GenerationOutcome.CANCELLED, GenerationOutcome.COMPLETED);
        if (second.outcome() == GenerationOutcome.CANCELLED) {
            assertThat(second.generatedTokens()).isLessThan(2000);
        }

        var older = robot.lookup(".list-cell").match((ListCell<?> cell) -> cell.getGraphic() != null
                && cell.getGraphic().isVisible() && cell.getIndex() == 1).queryAs(Node.class);
        robot.doubleClickOn(older, MouseButton.PRIMARY);
        awaitFx(() -> pane.viewModel().outputProperty().get().equals(first.output()));
        assertThat(text(() -> robot.lookup("#playground-user").queryAs(TextArea.class).getText()))
                .isEqualTo("Hello there");
    }

    @SuppressWarnings("unchecked")
    private static List<StoredRun> historyItems(FxRobot robot) {
        return List.copyOf(robot.lookup("#playground-history").queryAs(ListView.class).getItems());
    }

    private static String text(Callable<String> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
