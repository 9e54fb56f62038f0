package dev.cyberdevstudio.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.models.catalog.ModelRole;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real "Add by URL" dialog: it stays open showing the problem until the model is added. */
@ExtendWith(ApplicationExtension.class)
class AdminDialogsFxTest {

    private FxAdminDialogs dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new FxAdminDialogs(() -> stage);
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void showsTheProblemInlineAndClosesOnceAdded(FxRobot robot) throws Exception {
        List<ModelUrlForm> forms = new CopyOnWriteArrayList<>();
        robot.interact(() -> dialogs.askModelUrl(form -> {
            forms.add(form);
            return CompletableFuture.completedFuture(forms.size() == 1
                ? Optional.of("x.gguf is already in the catalog as user-x") : Optional.empty());
        }));
        robot.interact(() -> {
            robot.lookup("#admin-add-url-field").queryAs(TextField.class).setText("https://example.org/x.gguf");
            robot.lookup("#admin-add-size-field").queryAs(TextField.class).setText("123");
        });

        robot.clickOn("Add");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "x.gguf is already in the catalog as user-x".equals(
            robot.lookup("#admin-add-problem").queryAs(Label.class).getText()));
        assertThat(forms).containsExactly(new ModelUrlForm("https://example.org/x.gguf", "", ModelRole.CHAT, "",
            "123"));
        assertThat(robot.lookup("#admin-add-url-dialog").tryQuery()).isPresent();

        robot.clickOn("Add");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#admin-add-url-dialog").tryQuery()
            .isEmpty());
        assertThat(forms).hasSize(2);
    }
}
