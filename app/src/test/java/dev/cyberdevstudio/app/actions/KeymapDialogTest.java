package dev.cyberdevstudio.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.engine.store.InMemorySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keymap dialog in a real window: pressing keys on a row rebinds it, so that the new key runs the action and
 * the old one no longer does; the keymap survives a new registry over the same settings; a taken key asks first.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeymapDialogTest {

    private static final KeyCodeCombination CTRL_ALT_K =
            new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);
    private static final KeyCodeCombination CTRL_F = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination CTRL_G = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);

    private final InMemorySettings settings = new InMemorySettings();
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final List<String> ran = new ArrayList<>();
    private ActionRegistry actions;
    private KeymapDialog dialog;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        actions = registry();
        dialog = new KeymapDialog(actions);
        var scene = new Scene(new BorderPane(new TextArea("text")), 700, 400);
        TestThemes.apply(scene);
        KeyBindings.install(scene, actions);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(dialog::close);
        executor.close();
    }

    private ActionRegistry registry() {
        var registry = new ActionRegistry(settings, executor);
        for (var action : List.of(
                new StudioAction("edit.find", "Find…", "Edit", "Shortcut+F", () -> ran.add("edit.find")),
                new StudioAction("navigate.go-to-line", "Go to Line…", "Navigate", "Shortcut+G",
                        () -> ran.add("navigate.go-to-line")),
                new StudioAction("help.about", "About CyberDevStudio", "Help", null, () -> ran.add("help.about")))) {
            registry.register(action);
        }
        return registry;
    }

    @Test
    void pressingKeysOnARowRebindsItAndTheNewKeyRunsTheActionAcrossRestarts(FxRobot robot) throws Exception {
        robot.interact(() -> dialog.show(stage));
        robot.clickOn("#keymap-search").write("line");
        TableView<StudioAction> table = robot.lookup("#keymap-table").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(StudioAction::id).containsExactly("navigate.go-to-line");

        robot.clickOn("Go to Line…");
        robot.push(CTRL_ALT_K);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions.keyOf("navigate.go-to-line")).contains(KeyCombination.keyCombination("Shortcut+Alt+K"));
        assertThat(robot.lookup("#keymap-recording").queryAs(Label.class).getText()).contains("is now");
        robot.interact(dialog::close);
        robot.clickOn(".text-area");
        robot.push(CTRL_G);
        robot.push(CTRL_ALT_K);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).containsExactly("navigate.go-to-line");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> settings.get(KeymapStore.KEYMAP_KEY).isPresent());
        var afterRestart = registry();
        assertThat(afterRestart.keyOf("navigate.go-to-line")).contains(KeyCombination.keyCombination("Shortcut+Alt+K"));
        assertThat(afterRestart.keyOf("edit.find")).contains(KeyCombination.keyCombination("Shortcut+F"));
    }

    @Test
    void aKeyAnotherActionHoldsIsTakenOnlyAfterTheUserSaysSo(FxRobot robot) throws TimeoutException {
        robot.interact(() -> dialog.show(stage));
        robot.clickOn("About CyberDevStudio");
        robot.push(CTRL_F);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#keymap-conflict").query().isVisible()).isTrue();
        assertThat(robot.lookup("#keymap-conflict-text").queryAs(Label.class).getText())
                .contains("Edit › Find…");
        robot.clickOn("#keymap-cancel");
        assertThat(actions.keyOf("help.about")).isEmpty();
        assertThat(actions.keyOf("edit.find")).isPresent();

        robot.clickOn("About CyberDevStudio");
        robot.push(CTRL_F);
        robot.clickOn("#keymap-reassign");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions.boundTo(KeyCombination.keyCombination("Shortcut+F"))).map(StudioAction::id)
                .contains("help.about");
        assertThat(actions.keyOf("edit.find")).isEmpty();
        assertThat(robot.lookup("#keymap-recording").queryAs(Label.class).getText()).contains("Find… has no key");
    }

    @Test
    void removeResetAndResetAllFromTheDialog(FxRobot robot) {
        robot.interact(() -> dialog.show(stage));
        robot.clickOn("Find…");
        robot.clickOn("#keymap-remove");
        assertThat(actions.keyOf("edit.find")).isEmpty();
        assertThat(actions.isCustomized("edit.find")).isTrue();

        robot.clickOn("Find…");
        robot.clickOn("#keymap-reset");
        assertThat(actions.keyOf("edit.find")).contains(KeyCombination.keyCombination("Shortcut+F"));

        robot.clickOn("Go to Line…");
        robot.clickOn("#keymap-remove");
        robot.clickOn("#keymap-reset-all");
        assertThat(actions.keyOf("navigate.go-to-line")).contains(KeyCombination.keyCombination("Shortcut+G"));
        assertThat(Optional.ofNullable(dialog.stage()).map(Stage::isShowing)).contains(true);
    }
}
