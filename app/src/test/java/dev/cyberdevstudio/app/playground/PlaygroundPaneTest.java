package dev.cyberdevstudio.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.playground.StoredRun;
import dev.cyberdevstudio.llm.GenerationOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
 * The playground in a real window over a real engine store (H2 in a temporary folder), with the streaming test
 * double of the runtime: a model is chosen and loaded through the picker, text streams into the output while the
 * counters move, Stop ends a run at once, and a run from the history comes back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlaygroundPaneTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private LocalEngine engine;
    private TestRuntime runtime;
    private PlaygroundPane pane;

    @Start
    void start(Stage stage) throws IOException {
        engine = LocalEngine.start(new StudioHome(Files.createDirectories(temp.resolve("home"))).ensureCreated());
        runtime = new TestRuntime(engine.tokenLedger(), Duration.ofMillis(300), Duration.ofMillis(25));
        var models = Files.createDirectories(temp.resolve("models"));
        var files = List.of(Files.writeString(models.resolve("tiny.gguf"), "GGUF"),
                Files.writeString(models.resolve("broken.gguf"), "JUNK"));
        pane = PlaygroundPane.create(runtime, () -> files, engine.tokenLedger(), engine.playgroundHistory(),
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
        // The runtime first: its unload events still reach the view model, whose executor must be open for them.
        runtime.close();
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        engine.close();
    }

    @Test
    void streamsTheAnswerIntoTheOutputWhileTheCountersMove(FxRobot robot) throws Exception {
        chooseModel(robot, "tiny.gguf");
        var output = robot.lookup("#playground-output").queryAs(TextArea.class);
        var seen = new CopyOnWriteArrayList<String>();
        robot.interact(() -> output.textProperty().addListener((observable, before, after) -> seen.add(after)));
        robot.clickOn("#playground-user").write("Hi there");

        robot.clickOn("#playground-run");

        awaitFx(() -> output.getText().contains("You asked: Hi there. Once"));
        var tokens = robot.lookup("#playground-tokens").queryAs(Label.class);
        // "<|user|> Hi there <|assistant|>": four words, four tokens for the test model.
        assertThat(text(tokens::getText)).matches("\\d+ out · 4 in").isNotEqualTo("0 out · 4 in");
        assertThat(labelText(robot, "#playground-ttft")).endsWith(" ms");
        assertThat(labelText(robot, "#playground-context")).matches("\\d+ / 4,096 \\(\\d+%\\)");
        awaitFx(() -> robot.lookup("#playground-run").queryAs(Button.class).isDisabled() == false);
        assertThat(output.getText()).endsWith("ran out of words to say");
        assertThat(seen).as("the text arrived in many batches, not at the end").hasSizeGreaterThan(5);
        var generated = 5 + TestModel.STORY.split(" ").length;
        assertThat(labelText(robot, "#playground-tokens")).isEqualTo(generated + " out · 4 in");
        assertThat(labelText(robot, "#playground-speed")).matches("\\d+\\.\\d tok/s")
                .isNotEqualTo("0.0 tok/s");
        // The run is saved and the history reloaded off the FX thread, just after the buttons come back.
        awaitFx(() -> historyItems(robot).size() == 1);
        assertThat(engine.playgroundHistory().recent(5)).singleElement()
                .satisfies(stored -> assertThat(stored.run().output()).isEqualTo(output.getText()));
        assertThat(engine.tokenLedger().recent(5)).singleElement()
                .satisfies(usage -> assertThat(usage.generatedTokens()).isEqualTo(generated));
        awaitFx(() -> label(robot, "#playground-today").equals((generated + 4) + " tokens"));
    }

    @Test
    void stopEndsTheRunAtOnceAndKeepsWhatStreamed(FxRobot robot) throws Exception {
        chooseModel(robot, "tiny.gguf");
        robot.interact(() -> pane.viewModel().userPromptProperty().set("Tell me a long story"));
        var output = robot.lookup("#playground-output").queryAs(TextArea.class);
        robot.clickOn("#playground-run");
        awaitFx(() -> output.getText().contains("Once upon"));

        var stopping = new AtomicLong();
        var idle = new AtomicLong();
        robot.interact(() -> pane.viewModel().phaseProperty().addListener((observable, before, after) ->
                (after == PlaygroundPhase.STOPPING ? stopping : idle).compareAndSet(0, System.nanoTime())));
        robot.clickOn("#playground-stop");
        awaitFx(() -> pane.viewModel().phaseProperty().get() == PlaygroundPhase.IDLE);

        // From the Stop button's action to the pane ready for the next run.
        assertThat(Duration.ofNanos(idle.get() - stopping.get())).isPositive().isLessThan(Duration.ofMillis(250));
        var kept = text(output::getText);
        Thread.sleep(200);
        assertThat(text(output::getText)).as("nothing streams after Stop").isEqualTo(kept);
        assertThat(kept.split(" ").length).as("stopped in the middle").isLessThan(20 * TestModel.STORY.split(" ").length);
        assertThat(labelText(robot, "#playground-message")).isEqualTo("Stopped.");
        awaitFx(() -> historyItems(robot).size() == 1);
        assertThat(historyItems(robot).getFirst().run().outcome()).isEqualTo(GenerationOutcome.CANCELLED);
        assertThat(historyItems(robot).getFirst().run().output()).isEqualTo(kept);
    }

    @Test
    void doubleClickingARunInTheHistoryReopensItsPromptAndOutput(FxRobot robot) throws Exception {
        chooseModel(robot, "tiny.gguf");
        var output = robot.lookup("#playground-output").queryAs(TextArea.class);
        robot.interact(() -> pane.viewModel().userPromptProperty().set("first question"));
        robot.interact(() -> pane.viewModel().maxTokensProperty().set(4));
        robot.clickOn("#playground-run");
        awaitFx(() -> historyItems(robot).size() == 1);
        robot.interact(() -> pane.viewModel().userPromptProperty().set("second question"));
        robot.interact(() -> pane.viewModel().maxTokensProperty().set(5));
        robot.clickOn("#playground-run");
        awaitFx(() -> historyItems(robot).size() == 2);
        assertThat(text(output::getText)).isEqualTo("You asked: second question.");

        var older = robot.lookup(".list-cell").match((ListCell<?> cell) -> cell.getGraphic() != null
                && cell.getGraphic().isVisible() && cell.getIndex() == 1).queryAs(Node.class);
        robot.doubleClickOn(older, MouseButton.PRIMARY);

        awaitFx(() -> output.getText().equals("You asked: first question"));
        assertThat(text(() -> robot.lookup("#playground-user").queryAs(TextArea.class).getText()))
                .isEqualTo("first question");
        assertThat(PlaygroundPaneTest.<Object>fx(() -> robot.lookup("#playground-max-tokens").queryAs(Spinner.class).getValue()))
                .isEqualTo(4);
        assertThat(labelText(robot, "#playground-message")).startsWith("Reopened the run of ")
                .endsWith(" on tiny.gguf.");
    }

    @Test
    void aModelThatCannotLoadShowsASentenceInThePane(FxRobot robot) throws Exception {
        chooseModel(robot, "broken.gguf");

        awaitFx(() -> label(robot, "#playground-message").startsWith("Cannot load broken.gguf"));
        assertThat(labelText(robot, "#playground-message")).doesNotContain("Exception");
        assertThat(robot.lookup("#playground-message").queryAs(Label.class).getStyleClass())
                .contains("playground-error");
        robot.clickOn("#playground-user").write("Hi");
        assertThat(robot.lookup("#playground-run").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void thePriceTypedInTheSpinnerIsKeptAndPricesTheRun(FxRobot robot) throws Exception {
        chooseModel(robot, "tiny.gguf");
        robot.doubleClickOn("#playground-price");
        robot.interact(() -> robot.lookup("#playground-price").queryAs(Spinner.class).getEditor().setText("2.5"));
        robot.type(KeyCode.ENTER);
        awaitFx(() -> engine.settings().get(PlaygroundViewModel.PRICE_SETTING).equals(Optional.of("2.5")));
        robot.interact(() -> pane.viewModel().userPromptProperty().set("price"));
        robot.interact(() -> pane.viewModel().maxTokensProperty().set(4));

        robot.clickOn("#playground-run");

        awaitFx(() -> historyItems(robot).size() == 1);
        // "<|user|> price <|assistant|>" is 3 prompt tokens, plus 4 generated, at 2.5 per 1000.
        assertThat(labelText(robot, "#playground-cost")).isEqualTo("$0.0175");
    }

    private void chooseModel(FxRobot robot, String name) throws Exception {
        awaitFx(() -> pane.viewModel().models().size() == 2);
        robot.clickOn("#playground-model");
        var cell = robot.lookup((Node node) -> node instanceof ListCell<?> item && name.equals(item.getText()))
                .queryAs(Node.class);
        robot.clickOn(cell);
        if (!name.contains("broken")) {
            awaitFx(() -> pane.viewModel().currentModel().isPresent());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<StoredRun> historyItems(FxRobot robot) {
        return List.copyOf(robot.lookup("#playground-history").queryAs(ListView.class).getItems());
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String labelText(FxRobot robot, String id) throws Exception {
        return text(() -> label(robot, id));
    }

    private static String text(Callable<String> read) throws Exception {
        return fx(read);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }
}
