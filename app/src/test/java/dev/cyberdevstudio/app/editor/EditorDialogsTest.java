package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.editor.EditorDialogs.ReloadChoice;
import dev.cyberdevstudio.app.editor.EditorDialogs.UnsavedChoice;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The JavaFX dialogs of the editor, answered by clicking their buttons. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EditorDialogsTest {

    private static final Path FILE = Path.of("/projects/demo/src/Main.java");

    private FxEditorDialogs dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new FxEditorDialogs(() -> stage);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void asksAboutUnsavedChanges(FxRobot robot) {
        assertThat(answer(robot, () -> dialogs.askUnsaved(FILE), "Save")).isEqualTo(UnsavedChoice.SAVE);
        assertThat(answer(robot, () -> dialogs.askUnsaved(FILE), "Don't Save")).isEqualTo(UnsavedChoice.DONT_SAVE);
        assertThat(answer(robot, () -> dialogs.askUnsaved(FILE), "Cancel")).isEqualTo(UnsavedChoice.CANCEL);
    }

    @Test
    void asksWhetherToReloadAChangedFile(FxRobot robot) {
        assertThat(answer(robot, () -> dialogs.askReloadOrKeep(FILE), "Reload")).isEqualTo(ReloadChoice.RELOAD);
        assertThat(answer(robot, () -> dialogs.askReloadOrKeep(FILE), "Keep Mine"))
                .isEqualTo(ReloadChoice.KEEP_MINE);
    }

    @Test
    void asksBeforeOpeningALargeFile(FxRobot robot) {
        assertThat(answer(robot, () -> dialogs.confirmOpenLarge(FILE, 25L * 1024 * 1024), "Open Read-Only"))
                .isTrue();
        assertThat(answer(robot, () -> dialogs.confirmOpenLarge(FILE, 25L * 1024 * 1024), "Cancel")).isFalse();
    }

    @Test
    void showsAnError(FxRobot robot) {
        var shown = answer(robot, () -> {
            dialogs.showError("Could not save Main.java", "Cannot save " + FILE + ": the disk is full.");
            return "closed";
        }, "OK");

        assertThat(shown).isEqualTo("closed");
    }

    @Test
    void asksForALine(FxRobot robot) {
        var result = new AtomicReference<Optional<String>>();
        robot.interact(() -> Platform.runLater(() -> result.set(dialogs.askGoToLine(1, 50))));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#go-to-line-input").queryAs(TextField.class).setText("12:4"));

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(result.get()).contains("12:4");
    }

    private static <T> T answer(FxRobot robot, Supplier<T> question, String button) {
        var result = new AtomicReference<T>();
        robot.interact(() -> Platform.runLater(() -> result.set(question.get())));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        return result.get();
    }
}
