package dev.cyberdevstudio.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProjectDialogsFxTest {

    private FxProjectDialogs dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new FxProjectDialogs(stage);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void asksForANameAndAnswersWhatWasTyped(FxRobot robot) throws Exception {
        var answer = showing(() -> dialogs.askName("New File", "Name of the new file in /p", ""));
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Name of the new file in /p");

        robot.write("a.md");
        robot.clickOn("OK");

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("a.md");
    }

    @Test
    void refusesInvalidNamesBeforeTheyReachTheDisk(FxRobot robot) throws Exception {
        var answer = showing(() -> dialogs.askName("New Folder", "Name of the new folder in /p", ""));
        var ok = robot.lookup(".dialog-pane .button").match((Button button) -> "OK".equals(button.getText()))
                .queryButton();
        assertThat(ok.isDisabled()).as("an empty name").isTrue();

        robot.interact(() -> editor(robot).setText("a/b"));

        assertThat(ok.isDisabled()).isTrue();
        assertThat(robot.lookup(".project-dialog-problem").queryAs(Label.class).getText()).contains("'/'");
        robot.interact(() -> editor(robot).setText("ab"));
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn("Cancel");
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void renameStartsFromTheCurrentNameWithTheBaseNameSelected(FxRobot robot) throws Exception {
        var answer = showing(() -> dialogs.askName("Rename", "New name for /p/Main.java", "Main.java"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Main".equals(editor(robot).getSelectedText()));

        robot.write("App");
        robot.type(KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("App.java");
    }

    @Test
    void deleteConfirmationNamesTheFolderAndDeletesOnlyWhenAsked(FxRobot robot) throws Exception {
        var folder = Path.of("/p/src");
        var answer = showing(() -> dialogs.confirmDelete(folder, true));
        assertThat(contentText(robot)).contains("/p/src").contains("everything in it");

        robot.clickOn("Delete");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void enterDoesNotConfirmADeletion(FxRobot robot) throws Exception {
        var answer = showing(() -> dialogs.confirmDelete(Path.of("/p/a.txt"), false));
        assertThat(contentText(robot)).isEqualTo("The file /p/a.txt will be deleted.");

        robot.type(KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void showsAnErrorWithItsMessage(FxRobot robot) throws Exception {
        var shown = showing(() -> {
            dialogs.showError("Delete failed", "Cannot delete /p/x: permission denied");
            return true;
        });
        assertThat(contentText(robot)).isEqualTo("Cannot delete /p/x: permission denied");

        robot.clickOn("OK");

        assertThat(shown.get(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Shows a dialog from the FX thread (it blocks there in a nested loop) and waits until it is on screen. */
    private static <T> CompletableFuture<T> showing(Supplier<T> dialog) throws Exception {
        var answer = new CompletableFuture<T>();
        Platform.runLater(() -> answer.complete(dialog.get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new FxRobot().lookup(".dialog-pane").tryQuery()
                .map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private static TextField editor(FxRobot robot) {
        return robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
    }

    private static String contentText(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
    }
}
