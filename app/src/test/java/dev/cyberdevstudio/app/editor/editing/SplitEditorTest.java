package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** The split editor area in a real window: two editors over one document, focus, closing, joining. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SplitEditorTest {

    @TempDir
    Path folder;

    private EditorWindow window;
    private final List<String> featureCalls = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = new EditorWindow(stage, EditorWindow.defaultTheme(), 900, 400);
        window.pane.addEditorFeature((document, editor) -> {
            featureCalls.add("attach " + document.path().getFileName());
            return () -> featureCalls.add("close " + document.path().getFileName());
        });
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.close(robot);
    }

    @Test
    void splitShowsTheDocumentInTwoEditorsAndAnEditInOneShowsInTheOther(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("Main.java"), "class Main {}\n"));
        robot.clickOn(EditorWindow.beforeChar(window.editor(document), 0));

        window.key(KeyCode.BACK_SLASH, KeyCode.CONTROL);

        assertThat(window.pane.isSplit()).isTrue();
        assertThat(robot.lookup(".editor-group").queryAllAs(TabPane.class)).hasSize(2);
        var editors = window.pane.editorsFor(document);
        assertThat(editors).hasSize(2);
        var left = editors.get(0);
        var right = editors.get(1);
        assertThat(left.area()).isNotSameAs(right.area());
        assertThat(featureCalls).containsExactly("attach Main.java", "attach Main.java");
        assertThat(right.feature(EditingCommands.class)).isPresent();
        assertThat(window.pane.focusedGroup()).isEqualTo(1);

        robot.interact(() -> right.area().moveTo(right.area().getLength()));
        window.type("// end");

        assertThat(left.area().getText()).isEqualTo("class Main {}\n// end");
        assertThat(left.area().getCaretPosition()).as("the left editor keeps its own caret").isEqualTo(0);
    }

    @Test
    void theActiveDocumentFollowsTheFocusedGroupAndNewFilesOpenThere(FxRobot robot) throws Exception {
        var first = window.open(robot, Files.writeString(folder.resolve("a.txt"), "first"));
        robot.interact(window.pane::splitRight);
        var second = window.open(robot, Files.writeString(folder.resolve("b.txt"), "second"));

        assertThat(window.pane.groupDocuments(0)).containsExactly(first);
        assertThat(window.pane.groupDocuments(1)).containsExactly(first, second);

        robot.clickOn(EditorWindow.beforeChar(window.pane.editorsFor(first).getFirst(), 0));
        assertThat(window.pane.focusedGroup()).isZero();
        assertThat(window.editors.activeDocument()).contains(first);

        window.key(KeyCode.DIGIT2, KeyCode.CONTROL);
        EditorWindow.waitUntil(() -> window.editors.activeDocument().filter(second::equals).isPresent());
        assertThat(window.pane.activeEditor().orElseThrow().area().getText()).isEqualTo("second");

        robot.interact(() -> window.pane.focusGroup(0));
        assertThat(window.editors.activeDocument()).contains(first);
    }

    @Test
    void closingTheLastTabOfAGroupJoinsTheGroupsAndKeepsTheDocumentOpen(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("c.txt"), "text"));
        robot.interact(window.pane::splitRight);
        robot.clickOn(EditorWindow.beforeChar(window.pane.editorsFor(document).get(1), 0));

        window.key(KeyCode.W, KeyCode.CONTROL);

        assertThat(window.pane.isSplit()).isFalse();
        assertThat(window.editors.documents()).containsExactly(document);
        assertThat(window.pane.editorsFor(document)).hasSize(1);
        assertThat(featureCalls).containsExactly("attach c.txt", "attach c.txt", "close c.txt");
        assertThat(window.pane.activeEditor()).isPresent();
    }

    @Test
    void closingADocumentOnlyInTheSecondGroupClosesItAndJoins(FxRobot robot) throws Exception {
        var first = window.open(robot, Files.writeString(folder.resolve("d.txt"), "d"));
        robot.interact(window.pane::splitRight);
        var second = window.open(robot, Files.writeString(folder.resolve("e.txt"), "e"));

        robot.interact(() -> window.editors.close(second));
        assertThat(window.pane.groupDocuments(1)).containsExactly(first);
        assertThat(window.editors.activeDocument()).contains(first);
        assertThat(window.pane.focusedGroup()).isEqualTo(1);

        robot.interact(() -> window.editors.close(first));
        assertThat(window.pane.isSplit()).isFalse();
        assertThat(window.editors.documents()).isEmpty();
        assertThat(robot.lookup(".editor-placeholder").query().isVisible()).isTrue();
    }

    @Test
    void joiningMovesTheRightGroupsDocumentsLeftAndHighlightingReachesBothGroups(FxRobot robot) throws Exception {
        var first = window.open(robot, Files.writeString(folder.resolve("f.txt"), "f"));
        robot.interact(window.pane::splitRight);
        var second = window.open(robot, Files.writeString(folder.resolve("g.txt"), "g"));
        var highlighted = new ArrayList<String>();
        robot.interact(() -> window.pane.setHighlighting((path, area) -> {
            highlighted.add(path.getFileName().toString());
            return null;
        }));
        assertThat(highlighted).containsExactlyInAnyOrder("f.txt", "f.txt", "g.txt");

        robot.interact(window.pane::joinGroups);

        assertThat(window.pane.isSplit()).isFalse();
        assertThat(window.pane.groupDocuments(0)).containsExactly(first, second);
        assertThat(window.editors.activeDocument()).contains(second);
    }

    @Test
    void theRegisteredActionsSplitAndActOnTheActiveEditor(FxRobot robot) throws Exception {
        var actions = new ActionRegistry();
        robot.interact(() -> EditingActions.registerAll(actions, window.pane));
        var document = window.open(robot, Files.writeString(folder.resolve("H.java"), "int x;\n"));

        assertThat(actions.shortcut(EditingActions.TOGGLE_LINE_COMMENT).get())
                .isEqualTo(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN));
        assertThat(actions.shortcut(EditingActions.SPLIT_RIGHT).get())
                .isEqualTo(new KeyCodeCombination(KeyCode.BACK_SLASH, KeyCombination.SHORTCUT_DOWN));
        assertThat(actions.shortcut(EditingActions.FOCUS_SECOND_GROUP).get())
                .isEqualTo(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
        assertThat(actions.shortcut(EditingActions.JUMP_TO_BRACKET).get()).isEqualTo(new KeyCodeCombination(
                KeyCode.BACK_SLASH, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));

        robot.interact(() -> actions.run(EditingActions.TOGGLE_LINE_COMMENT));
        assertThat(document.text()).isEqualTo("// int x;\n");
        robot.interact(() -> actions.run(EditingActions.INDENT_LINES));
        robot.interact(() -> actions.run(EditingActions.OUTDENT_LINES));
        assertThat(document.text()).isEqualTo("// int x;\n");

        robot.interact(() -> actions.run(EditingActions.SPLIT_RIGHT));
        assertThat(window.pane.isSplit()).isTrue();
        robot.interact(() -> actions.run(EditingActions.FOCUS_FIRST_GROUP));
        assertThat(window.pane.focusedGroup()).isZero();
        robot.interact(() -> actions.run(EditingActions.FOCUS_OTHER_GROUP));
        assertThat(window.pane.focusedGroup()).isEqualTo(1);
        robot.interact(() -> actions.run(EditingActions.JOIN_GROUPS));
        assertThat(window.pane.isSplit()).isFalse();
    }

    @Test
    void aReboundKeyReplacesTheDefaultInTheEditor(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("r.py"), "x = 1\n"));
        var editor = window.editor(document);
        robot.interact(() -> {
            var rebound = new EditingFeature(id -> id.equals(EditingActions.TOGGLE_LINE_COMMENT)
                    ? KeyCombination.keyCombination("Shortcut+K") : null);
            editor.onClose(rebound.attach(document, editor));
            editor.area().requestFocus();
        });

        window.key(KeyCode.K, KeyCode.CONTROL);

        assertThat(document.text()).isEqualTo("# x = 1\n");
    }
}
