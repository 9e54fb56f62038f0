package dev.cyberdevstudio.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.TerminalColor;
import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
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

/** The terminal pane in a real window: a real shell in a real pseudo-terminal, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
@DisabledOnOs(OS.WINDOWS)
class TerminalTabsPaneTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @TempDir
    Path project;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<Long> shells = new ArrayList<>();
    private TerminalTabsViewModel viewModel;
    private TerminalTabsPane pane;
    private Stage stage;
    private TextField editor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = new TerminalTabsViewModel(executor, new PtyShellLauncher(testEnvironment()), project);
        pane = new TerminalTabsPane(viewModel);
        editor = new TextField();
        VBox.setVgrow(pane, Priority.ALWAYS);
        stage.setScene(new Scene(new VBox(editor, pane), 900, 480));
        stage.show();
    }

    @AfterEach
    void closeTerminals(FxRobot robot) throws Exception {
        var closing = WaitForAsyncUtils.asyncFx(viewModel::closeAll).get(10, TimeUnit.SECONDS);
        closing.get(10, TimeUnit.SECONDS);
        executor.close();
        for (var pid : shells) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void runsEchoAndShowsItsOutput(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        robot.clickOn(widget.keyboardTarget());

        tab.session().connector().write("echo hello-terminal-$((6*7))");
        robot.type(KeyCode.ENTER);

        awaitText(widget, "hello-terminal-42");
        assertThat(robot.lookup(".tab").queryAll()).hasSize(1);
        assertThat(tab.title()).isEqualTo("bash — " + project.getFileName());
    }

    @Test
    void startsTheShellInTheGivenFolder(FxRobot robot) throws Exception {
        var folder = project.resolve("sub folder");
        Files.createDirectories(folder);
        var tab = open(folder);
        var widget = widget(robot, tab);

        tab.session().connector().write("cd -P . && echo \"cwd=$(pwd)\"\r");

        awaitText(widget, "cwd=" + folder.toRealPath());
        assertThat(tab.title()).isEqualTo("bash — sub folder");
    }

    @Test
    void closingTheTabKillsTheShell(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        tab.session().connector().write("sleep 1000 & echo job-$((2*3))\r");
        awaitText(widget, "job-6");
        var shell = ProcessHandle.of(tab.session().pid()).orElseThrow();
        var job = shell.descendants().findFirst().orElseThrow();

        robot.clickOn(robot.lookup(".tab-close-button").queryAs(Node.class));

        await(() -> !shell.isAlive());
        await(() -> !ProcessTree.isRunning(job));
        assertThat(viewModel.tabs()).isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> pane.tabPane().getTabs().size()).get(10, TimeUnit.SECONDS))
                .isZero();
        assertThat(tab.state()).isEqualTo(new TerminalState.Closed());
    }

    @Test
    void keepsTheTabOpenWithTheExitCodeWhenTheShellExits(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);

        tab.session().connector().write("exit 3\r");

        awaitText(widget, "[process exited with code 3]");
        await(() -> tab.state().equals(new TerminalState.Exited(3)));
        assertThat(viewModel.tabs()).containsExactly(tab);
        assertThat(robot.lookup(".tab").queryAll()).hasSize(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.title()).endsWith("(exited 3)");
    }

    @Test
    void pastesWithCtrlShiftVAndCopiesWithCtrlShiftC(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        robot.clickOn(widget.keyboardTarget());
        robot.interact(() -> {
            var content = new ClipboardContent();
            content.putString("echo pasted-$((2+3))");
            Clipboard.getSystemClipboard().setContent(content);
        });

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.type(KeyCode.ENTER);
        awaitText(widget, "pasted-5");

        robot.interact(() -> widget.getTerminalPanel().selectAll());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        var copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied).contains("pasted-5");
    }

    @Test
    void plusOpensAnotherTerminalInTheSelectedFolder(FxRobot robot) throws Exception {
        var first = open(project);
        widget(robot, first);

        robot.clickOn(".terminal-new");

        await(() -> viewModel.tabs().size() == 2);
        var second = viewModel.tabs().get(1);
        shells.add(second.session().pid());
        assertThat(second.folder()).isEqualTo(project);
        assertThat(robot.lookup(".tab").queryAll()).hasSize(2);
        assertThat(viewModel.selectedTabProperty().get()).isSameAs(second);
        var widget = widget(robot, second);
        await(() -> stage.getScene().getFocusOwner() == widget.keyboardTarget());
        robot.type(KeyCode.DIGIT7, KeyCode.ENTER);
        awaitText(widget, "7: command not found");
    }

    @Test
    void aTerminalOpenedByTheStudioLeavesTheKeyboardWhereItIs(FxRobot robot) throws Exception {
        robot.clickOn(editor);

        var tab = open(project);
        var widget = widget(robot, tab);
        tab.session().connector().write("echo ready-$((4*4))\r");
        awaitText(widget, "ready-16");

        assertThat(stage.getScene().getFocusOwner()).isSameAs(editor);

        robot.interact(pane::focusSelectedTerminal);

        await(() -> stage.getScene().getFocusOwner() == widget.keyboardTarget());
    }

    @Test
    void fallsBackToAMonospacedFontWhenThePaletteFontIsNotInstalled(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        var properties = new Properties();
        properties.setProperty("font.family", "No Such Font Family 42");

        robot.interact(() -> pane.applyPalette(TerminalPalette.fromProperties(properties)));

        var font = WaitForAsyncUtils.asyncFx(() -> widget.settings().getTerminalFont()).get(10, TimeUnit.SECONDS);
        assertThat(font.getFamily()).isEqualTo(PaletteSettingsProvider.FALLBACK_FAMILY);
        assertThat(font.getSize()).isEqualTo(TerminalPalette.defaults().fontSize());
    }

    @Test
    void forwardsTheWindowsSizeToTheShell(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        await(() -> columnsOfShell(tab) == widget.getTerminalTextBuffer().getWidth());
        var before = columnsOfShell(tab);

        robot.interact(() -> stage.setWidth(stage.getWidth() - 300));

        await(() -> widget.getTerminalTextBuffer().getWidth() < before);
        await(() -> columnsOfShell(tab) == widget.getTerminalTextBuffer().getWidth());
        tab.session().connector().write("echo \"cols=$(tput cols)\"\r");
        awaitText(widget, "cols=" + widget.getTerminalTextBuffer().getWidth());
    }

    @Test
    void applyPaletteRecoloursOpenTerminalsAndThoseOpenedLater(FxRobot robot) throws Exception {
        var tab = open(project);
        var widget = widget(robot, tab);
        var cellBefore = WaitForAsyncUtils.asyncFx(widget::cellSize).get(10, TimeUnit.SECONDS);
        var properties = new Properties();
        properties.setProperty("foreground", "#00ff41");
        properties.setProperty("background", "#101020");
        properties.setProperty("cursor", "#ff00aa");
        properties.setProperty("selection.background", "#333366");
        properties.setProperty("ansi.1", "#ff5555");
        properties.setProperty("font.size", "24");
        var neon = TerminalPalette.fromProperties(properties);

        robot.interact(() -> pane.applyPalette(neon));

        assertReportsPalette(widget, neon);
        var cellAfter = WaitForAsyncUtils.asyncFx(widget::cellSize).get(10, TimeUnit.SECONDS);
        assertThat(cellAfter.getHeight()).isGreaterThan(cellBefore.getHeight());
        await(() -> pixelColour(widget).equals(Color.web("#101020")));

        var later = open(project);
        assertReportsPalette(widget(robot, later), neon);
    }

    private void assertReportsPalette(StudioTerminalWidget widget, TerminalPalette palette) throws Exception {
        var reported = WaitForAsyncUtils.asyncFx(() -> List.of(
                widget.getTerminalPanel().getForeground(),
                widget.getTerminalPanel().getBackground(),
                fx(widget.getTerminalPanel().getWindowForeground()),
                fx(widget.getTerminal().getStyleState().getDefaultForeground().toColor()),
                fx(settingsOf(widget).getTerminalColorPalette().getForeground(
                        TerminalColor.index(1))),
                fx(settingsOf(widget).getSelectionColor().getBackground().toColor())))
                .get(10, TimeUnit.SECONDS);
        assertThat(reported).containsExactly(palette.foreground(), palette.background(), palette.foreground(),
                palette.cursor(), palette.ansi(1), palette.selectionBackground());
    }

    private Color pixelColour(StudioTerminalWidget widget) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var canvas = widget.getTerminalPanel().getCanvas();
            var image = canvas.snapshot(null, null);
            return image.getPixelReader().getColor((int) image.getWidth() - 2, (int) image.getHeight() - 2);
        }).get(10, TimeUnit.SECONDS);
    }

    private static PaletteSettingsProvider settingsOf(StudioTerminalWidget widget) {
        return widget.settings();
    }

    private static Color fx(com.techsenger.jeditermfx.core.Color colour) {
        return Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private TerminalTab open(Path folder) throws Exception {
        var opening = viewModel.openTerminal(folder).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(opening).isInstanceOf(TerminalOpening.Opened.class);
        var tab = ((TerminalOpening.Opened) opening).tab();
        shells.add(tab.session().pid());
        return tab;
    }

    private StudioTerminalWidget widget(FxRobot robot, TerminalTab tab) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> pane.widgetOf(tab).orElseThrow()).get(10, TimeUnit.SECONDS);
    }

    private static int columnsOfShell(TerminalTab tab) throws Exception {
        return ((PtyTtyConnector) tab.session().connector()).process().getWinSize().getColumns();
    }

    private static void awaitText(StudioTerminalWidget widget, String expected) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS, () -> widget.text().contains(expected));
        } catch (TimeoutException notShown) {
            throw new TimeoutException("the terminal never showed '" + expected + "'; it shows:\n" + widget.text());
        }
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS, condition);
    }

    private Map<String, String> testEnvironment() {
        return TestShellEnvironment.inHome(home);
    }
}
