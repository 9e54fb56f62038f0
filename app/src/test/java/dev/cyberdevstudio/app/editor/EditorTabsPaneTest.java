package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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

/** The editor in a real window: type, save, read the file back; the unsaved-changes prompt. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EditorTabsPaneTest {

    private static final KeyCodeCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    @TempDir
    Path folder;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private EditorTabsViewModel editors;
    private EditorTabsPane pane;

    @Start
    void start(Stage stage) {
        editors = new EditorTabsViewModel(executor, new FxEditorDialogs(() -> stage));
        pane = new EditorTabsPane(editors);
        stage.setScene(new Scene(pane, 800, 500));
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.close();
    }

    @Test
    void typesSavesAndReadsTheFileBackFromDisk(FxRobot robot) throws Exception {
        var file = Files.writeString(folder.resolve("hello.txt"), "hello\n");
        var document = open(robot, file);
        var editor = pane.editorFor(document).orElseThrow();

        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(5));
        robot.write("abc");

        assertThat(tabTitle(robot)).isEqualTo("● hello.txt");
        robot.push(SAVE);
        waitUntil(() -> !document.isDirty());

        assertThat(Files.readString(file)).isEqualTo("helloabc\n");
        assertThat(tabTitle(robot)).isEqualTo("hello.txt");
    }

    @Test
    void theUnsavedChangesPromptCancelsOrDiscards(FxRobot robot) throws Exception {
        var file = Files.writeString(folder.resolve("draft.txt"), "draft");
        var document = open(robot, file);
        var editor = pane.editorFor(document).orElseThrow();
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(5));
        robot.write("!");
        waitUntil(document::isDirty);

        robot.push(CLOSE);
        assertThat(robot.lookup("Save the changes to draft.txt?").tryQuery()).isPresent();
        robot.clickOn("Cancel");

        assertThat(editors.documents()).containsExactly(document);
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs()).hasSize(1);
        assertThat(document.text()).isEqualTo("draft!");

        robot.push(CLOSE);
        robot.clickOn("Don't Save");

        assertThat(editors.documents()).isEmpty();
        assertThat(robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("draft");
    }

    @Test
    void asksBeforeReloadingAFileChangedOnDiskWhileEdited(FxRobot robot) throws Exception {
        var file = Files.writeString(folder.resolve("shared.txt"), "mine");
        var document = open(robot, file);
        var editor = pane.editorFor(document).orElseThrow();
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(4));
        robot.write("!");
        waitUntil(document::isDirty);

        Files.writeString(file, "theirs, longer");
        // Not interact(): the question may be asked right inside the call, and interact() would wait for the answer.
        Platform.runLater(() -> editors.filesChanged(List.of(file)));
        waitUntil(() -> robot.lookup("shared.txt changed on disk.").tryQuery().isPresent());
        robot.clickOn("Reload");
        waitUntil(() -> !document.isDirty());

        assertThat(editor.area().getText()).isEqualTo("theirs, longer");
        assertThat(tabTitle(robot)).isEqualTo("shared.txt");
    }

    @Test
    void opensEachFileOnceAndShowsItsPathAsTooltip(FxRobot robot) throws Exception {
        var first = Files.writeString(folder.resolve("a.txt"), "a");
        var second = Files.writeString(folder.resolve("b.txt"), "b");
        var a = open(robot, first);
        open(robot, second);

        robot.interact(() -> editors.open(first));
        WaitForAsyncUtils.waitForFxEvents();

        var tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).hasSize(2);
        assertThat(tabs.getSelectionModel().getSelectedItem().getUserData()).isEqualTo(a);
        assertThat(tabs.getTabs().getFirst().getTooltip().getText()).isEqualTo(first.toAbsolutePath().toString());

        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(editors.activeDocument().orElseThrow().path()).isEqualTo(second.toAbsolutePath());
    }

    @Test
    void showsABinaryFileAsANotice(FxRobot robot) throws Exception {
        var file = Files.write(folder.resolve("data.bin"), new byte[] {0, 1, 2, 3});

        var document = open(robot, file);

        assertThat(pane.editorFor(document)).isEmpty();
        assertThat(robot.lookup(".binary-notice").queryAs(Label.class).getText())
                .isEqualTo("data.bin is a binary file (4 B) and is not shown.");
    }

    @Test
    void callsTheHighlightingHookWithTheAreaAndClosesItWithTheTab(FxRobot robot) throws Exception {
        var calls = new ArrayList<String>();
        robot.interact(() -> pane.setHighlighting((path, area) -> {
            calls.add("attach " + path.getFileName());
            return () -> calls.add("close " + path.getFileName());
        }));
        var document = open(robot, Files.writeString(folder.resolve("Main.java"), "class Main {}"));
        assertThat(calls).containsExactly("attach Main.java");

        robot.interact(() -> editors.close(document));

        assertThat(calls).containsExactly("attach Main.java", "close Main.java");
    }

    @Test
    void reportsAFileThatCannotBeOpenedInADialog(FxRobot robot) {
        var missing = folder.resolve("missing.txt");

        robot.interact(() -> editors.open(missing));
        waitUntil(() -> robot.lookup("Could not open missing.txt").tryQuery().isPresent());

        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .isEqualTo("Cannot open " + missing.toAbsolutePath() + ": no such file.");
        robot.clickOn("OK");
        assertThat(editors.documents()).isEmpty();
    }

    private DocumentViewModel open(FxRobot robot, Path file) throws IOException {
        int before = editors.documents().size();
        robot.interact(() -> editors.open(file));
        waitUntil(() -> editors.documents().size() > before);
        WaitForAsyncUtils.waitForFxEvents();
        return editors.activeDocument().orElseThrow();
    }

    private static String tabTitle(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText();
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException timeout) {
            throw new AssertionError("Condition not met within 10 s", timeout);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
