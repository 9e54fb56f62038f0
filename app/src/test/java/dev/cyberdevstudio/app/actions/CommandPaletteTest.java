package dev.cyberdevstudio.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The palette in a real window: opened by its key, filtered by typing, Enter runs the chosen action once. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandPaletteTest {

    private static final KeyCodeCombination PALETTE =
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final List<String> ran = new ArrayList<>();
    private ActionRegistry actions;
    private CommandPalette palette;
    private MenuItem saveItem;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        actions = new ActionRegistry();
        palette = new CommandPalette(actions);
        actions.register(new StudioAction(CommandPalette.ACTION_ID, "Show All Commands", "View", "Shortcut+Shift+P",
                () -> palette.show(stage)));
        register("file.save", "Save", "File", "Shortcut+S");
        register("edit.find", "Find…", "Edit", "Shortcut+F");
        register("navigate.go-to-line", "Go to Line…", "Navigate", "Shortcut+G");
        register("tools.playground", "LLM Playground", "Tools", "Shortcut+Shift+L");
        register("help.about", "About CyberDevStudio", "Help", null);
        saveItem = new MenuItem("Save");
        saveItem.acceleratorProperty().bind(actions.shortcut("file.save"));
        saveItem.setOnAction(event -> actions.run("file.save"));
        var root = new BorderPane(new TextArea("some text"));
        root.setTop(new MenuBar(new Menu("File", null, saveItem)));
        var scene = new Scene(root, 800, 500);
        TestThemes.apply(scene);
        KeyBindings.install(scene, actions);
        stage.setScene(scene);
        stage.show();
    }

    private void register(String id, String name, String category, String key) {
        actions.register(new StudioAction(id, name, category, key, () -> ran.add(id)));
    }

    @Test
    void ctrlShiftPOpensThePaletteTypingFiltersAndEnterRunsTheActionAfterClosing(FxRobot robot) {
        robot.clickOn(".text-area");
        robot.push(PALETTE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(palette.isShowing()).isTrue();
        ListView<StudioAction> list = robot.lookup("#command-palette-list").query();
        assertThat(list.getItems()).extracting(StudioAction::id).contains("file.save", "help.about");

        robot.write("gtl");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(StudioAction::id).first().isEqualTo("navigate.go-to-line");

        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(palette.isShowing()).isFalse();
        assertThat(ran).containsExactly("navigate.go-to-line");
        assertThat(actions.recentlyUsed()).containsExactly("navigate.go-to-line");
    }

    @Test
    void recentlyUsedActionsComeFirstAndTheCategoryMatchesToo(FxRobot robot) {
        actions.noteUsed("help.about");
        robot.interact(() -> palette.show(stage));
        ListView<StudioAction> list = robot.lookup("#command-palette-list").query();
        assertThat(list.getItems().getFirst().id()).isEqualTo("help.about");

        robot.write("tools");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(StudioAction::id).containsExactly("tools.playground");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(palette.isShowing()).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void arrowsMoveTheSelectionAndNothingMatchingSaysSo(FxRobot robot) {
        robot.interact(() -> palette.show(stage));
        ListView<StudioAction> list = robot.lookup("#command-palette-list").query();
        robot.push(KeyCode.DOWN);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.push(KeyCode.UP);
        robot.push(KeyCode.UP);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();

        robot.write("zzq");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).isEmpty();
    }

    @Test
    void aKeyBoundToAMenuItemRunsItsActionOnceAndARebindingMovesTheMenuAcceleratorToo(FxRobot robot) {
        robot.clickOn(".text-area");
        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).containsExactly("file.save");

        robot.interact(() -> actions.rebind("file.save", KeyCombination.keyCombination("Shortcut+Alt+S")));
        assertThat(saveItem.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+Alt+S"));
        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ran).containsExactly("file.save", "file.save");
    }
}
