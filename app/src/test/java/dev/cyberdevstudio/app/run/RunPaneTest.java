package dev.cyberdevstudio.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.app.theme.ThemeManager;
import dev.cyberdevstudio.engine.runs.InMemoryRunHistory;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.TestProcessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The execution view in a real window, running real commands (through the plain test launcher). */
@ExtendWith(ApplicationExtension.class)
@DisabledOnOs(OS.WINDOWS)
class RunPaneTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * How long the UI thread may take to answer while a flood streams in. Generous because CI machines are shared:
     * what it guards against is a UI frozen for the whole flood (seconds to minutes), not a slow frame.
     */
    private static final long RESPONSIVE_MS = 1500;

    @TempDir
    Path project;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private RunService runs;
    private RunViewModel viewModel;
    private RunPane pane;
    private TerminalPalette palette;
    private Path saveTo;

    @Start
    void start(Stage stage) {
        var catalog = ThemeCatalog.load();
        var theme = catalog.defaultTheme();
        var themes = new ThemeManager(catalog, theme);
        Application.setUserAgentStylesheet(theme.baseStylesheet());
        palette = TerminalPalette.fromProperties(theme.terminal());
        runs = new RunService(new TestProcessLauncher(), new InMemoryRunHistory());
        viewModel = new RunViewModel(runs, executor, project);
        pane = new RunPane(viewModel, palette, window -> Optional.ofNullable(saveTo));
        var scene = new Scene(pane, 1100, 560);
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRuns() {
        runs.close();
        executor.close();
    }

    @Test
    void showsStreamedOutputBeforeTheRunEnds(FxRobot robot) throws Exception {
        run(robot, "sh -c 'echo one; sleep 1.5; echo two'");

        await(() -> pane.outputText().contains("one"));
        assertThat(onFx(() -> viewModel.runningProperty().get())).isTrue();
        assertThat(onFx(pane::outputText)).doesNotContain("two");
        assertThat(label(robot, "#run-outcome")).isEqualTo("running…");
        assertThat(robot.lookup("#run-kill").queryButton().isDisabled()).isFalse();

        await(() -> label(robot, "#run-outcome").equals("exited with code 0"));
        assertThat(onFx(pane::outputText)).isEqualTo("one\ntwo\n");
        assertThat(label(robot, "#run-details")).matches("1\\.\\d\\d s( · peak memory .*)?");
        assertThat(label(robot, "#run-isolation")).isEqualTo("reduced isolation: test launcher: a plain process"
                + " without a sandbox");
        assertThat(robot.lookup("#run-isolation").queryAs(Label.class).getStyleClass()).contains("run-reduced");
        assertThat(robot.lookup("#run-kill").queryButton().isDisabled()).isTrue();
    }

    @Test
    void killsALongRunQuickly(FxRobot robot) throws Exception {
        run(robot, "sleep 30");
        await(() -> viewModel.runningProperty().get());

        long before = System.nanoTime();
        robot.clickOn("#run-kill");
        await(() -> label(robot, "#run-outcome").equals("killed: stopped by the user"));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(robot.lookup("#run-outcome").queryAs(Label.class).getStyleClass()).contains("run-state-stopped");
        assertThat(robot.lookup("#run-kill").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aMissingProgramShowsAClearMessage(FxRobot robot) throws Exception {
        run(robot, "no-such-program-4711 --help");

        await(() -> label(robot, "#run-outcome").startsWith("Cannot run no-such-program-4711"));
        assertThat(label(robot, "#run-outcome")).contains("no such program");
        assertThat(onFx(pane::outputText)).startsWith("Cannot run no-such-program-4711").doesNotContain("Exception");
        assertThat(robot.lookup("#run-outcome").queryAs(Label.class).getStyleClass()).contains("run-state-failed");
    }

    @Test
    void staysResponsiveWhileARunFloodsItsOutput(FxRobot robot) throws Exception {
        long lines = 2_500_000;
        // The robot's click waits for the UI thread to settle, i.e. for the whole flood: probe from beside it.
        var answers = new CopyOnWriteArrayList<Long>();
        var probing = new AtomicBoolean(true);
        var prober = Thread.ofVirtual().start(() -> {
            while (probing.get()) {
                long before = System.nanoTime();
                try {
                    onFx(() -> pane.outputView().area().getParagraphs().size());
                } catch (Exception e) {
                    answers.add(Long.MAX_VALUE);
                    return;
                }
                answers.add((System.nanoTime() - before) / 1_000_000);
                LockSupport.parkNanos(20_000_000);
            }
        });

        run(robot, "sh -c 'yes | head -c 5000000'");
        await(() -> onFx(() -> pane.outputView().droppedLines() + pane.outputView().area().getParagraphs().size()
                - 1) == lines);
        probing.set(false);
        prober.join();

        await(() -> label(robot, "#run-outcome").equals("exited with code 0"));
        var slowest = answers.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(slowest).as("slowest answer of the UI thread in ms, of %s", answers).isLessThan(RESPONSIVE_MS);
        var shown = onFx(() -> pane.outputView().area().getParagraphs().size());
        assertThat(shown).isLessThanOrEqualTo(RunViewModel.DEFAULT_MAX_LINES * 11 / 10 + 1);
        var dropped = onFx(() -> pane.outputView().droppedLines());
        assertThat(onFx(pane::outputText)).endsWith("y\ny\n");
        assertThat(robot.lookup("#run-output-dropped").queryAs(Label.class).getText())
                .isEqualTo("… " + dropped + " earlier lines dropped");
    }

    @Test
    void colouredOutputAndStderrHaveTheirColours(FxRobot robot) throws Exception {
        run(robot, "sh -c 'printf \"\\033[31mred\\033[0m plain\\n\"; echo oops >&2'");

        await(() -> label(robot, "#run-outcome").equals("exited with code 0"));
        var area = pane.outputView().area();
        assertThat(onFx(pane::outputText)).contains("red plain\n", "oops\n");
        int red = onFx(() -> area.getText().indexOf("red"));
        int oops = onFx(() -> area.getText().indexOf("oops"));
        assertThat(onFx(() -> area.getStyleOfChar(red + 1))).contains(TerminalPalette.hex(palette.ansi(1)));
        assertThat(onFx(() -> area.getStyleOfChar(oops + 1))).contains("-color-danger-fg");

        var other = TerminalPalette.fromProperties(ThemeCatalog.load().byId("serial-steel").orElseThrow().terminal());
        robot.interact(() -> pane.applyPalette(other));
        run(robot, "printf '\\033[31mred again\\033[0m\\n'");
        await(() -> pane.outputText().equals("red again\n"));
        await(() -> label(robot, "#run-outcome").equals("exited with code 0"));
        assertThat(onFx(() -> area.getStyleOfChar(1))).contains(TerminalPalette.hex(other.ansi(1)));
    }

    @Test
    void aPastRunFromTheHistoryShowsItsOutputAndCanBeSaved(FxRobot robot) throws Exception {
        run(robot, "echo first-run");
        await(() -> onFx(() -> viewModel.history().size()) == 1);
        run(robot, "echo second-run");
        await(() -> onFx(() -> viewModel.history().size()) == 2);
        await(() -> pane.outputText().equals("second-run\n"));

        var older = robot.lookup("#run-history .list-cell").match((ListCell<?> cell) -> cell.getItem() != null
                && cell.getIndex() == 1).queryAs(ListCell.class);
        robot.clickOn(older);

        await(() -> pane.outputText().equals("first-run\n"));
        assertThat(label(robot, "#run-title")).isEqualTo("$ echo first-run");
        saveTo = project.resolve("first.log");
        robot.clickOn("#run-save");
        await(() -> Files.exists(saveTo));
        assertThat(Files.readString(saveTo)).isEqualTo("first-run\n");
        await(() -> label(robot, "#run-message").equals("Saved the output to " + saveTo + "."));

        robot.clickOn("#run-rerun");
        await(() -> onFx(() -> viewModel.history().size()) == 3);
        assertThat(onFx(pane::outputText)).isEqualTo("first-run\n");
    }

    @Test
    void aBlankCommandSaysWhatToDo(FxRobot robot) throws Exception {
        robot.clickOn("#run-button");

        await(() -> label(robot, "#run-message").equals("Type a command to run."));
        assertThat(robot.lookup("#run-rerun").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#run-save").queryButton().isDisabled()).isTrue();
    }

    private void run(FxRobot robot, String command) {
        var field = robot.lookup("#run-command").queryAs(TextField.class);
        robot.interact(() -> field.setText(command));
        robot.clickOn(robot.lookup("#run-button").queryAs(Button.class));
    }

    private static String label(FxRobot robot, String id) {
        try {
            return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + TIMEOUT);
            }
            Thread.sleep(20);
        }
    }
}
