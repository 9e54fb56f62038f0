package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.fxmisc.richtext.CaretNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Alt+click carets in a real window: typing, deleting and pasting at all of them, one undo, Esc. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MultipleCaretsTest {

    @TempDir
    Path folder;

    private EditorWindow window;

    @Start
    void start(Stage stage) {
        window = new EditorWindow(stage, EditorWindow.defaultTheme(), 700, 400);
    }

    @AfterEach
    void stop(FxRobot robot) {
        window.close(robot);
    }

    @Test
    void altClickAddsACaretAndTypingGoesToBothAsOneUndo(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("notes.txt"), "one\ntwo\nthree\n"));
        var editor = window.editor(document);
        robot.clickOn(EditorWindow.beforeChar(editor, 0));
        robot.press(KeyCode.ALT).clickOn(EditorWindow.beforeChar(editor, 4), MouseButton.PRIMARY)
                .release(KeyCode.ALT);

        assertThat(EditorWindow.commands(editor).carets()).containsExactly(CaretRange.at(0), CaretRange.at(4));
        assertThat(robot.lookup(".caret").queryAllAs(CaretNode.class)).hasSizeGreaterThanOrEqualTo(2);

        window.type("X");
        assertThat(document.text()).isEqualTo("Xone\nXtwo\nthree\n");

        window.key(KeyCode.Z, KeyCode.CONTROL);
        assertThat(document.text()).isEqualTo("one\ntwo\nthree\n");
        window.key(KeyCode.Z, KeyCode.CONTROL, KeyCode.SHIFT);
        assertThat(document.text()).isEqualTo("Xone\nXtwo\nthree\n");
    }

    @Test
    void altClickOnAnExtraCaretRemovesItAndEscapeLeavesOne(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("list.txt"), "aa\nbb\ncc\n"));
        var editor = window.editor(document);
        var commands = EditorWindow.commands(editor);
        robot.clickOn(EditorWindow.beforeChar(editor, 0));
        robot.press(KeyCode.ALT).clickOn(EditorWindow.beforeChar(editor, 3)).clickOn(EditorWindow.beforeChar(editor, 6))
                .release(KeyCode.ALT);
        assertThat(commands.caretCountProperty().get()).isEqualTo(3);

        robot.press(KeyCode.ALT).clickOn(EditorWindow.beforeChar(editor, 3)).release(KeyCode.ALT);
        assertThat(commands.carets()).containsExactly(CaretRange.at(0), CaretRange.at(6));

        window.key(KeyCode.ESCAPE);
        assertThat(commands.carets()).containsExactly(CaretRange.at(0));
    }

    @Test
    void backspaceEnterAndPasteWorkAtEveryCaret(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("x.txt"), "a1\nb1\n"));
        var editor = window.editor(document);
        var commands = EditorWindow.commands(editor);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(2);
            commands.toggleCaretAt(5);
        });

        window.key(KeyCode.BACK_SPACE);
        assertThat(document.text()).isEqualTo("a\nb\n");

        robot.interact(() -> {
            var content = new ClipboardContent();
            content.putString("X\nY");
            Clipboard.getSystemClipboard().setContent(content);
        });
        window.key(KeyCode.V, KeyCode.CONTROL);
        assertThat(document.text()).isEqualTo("aX\nbY\n");

        window.key(KeyCode.ENTER);
        assertThat(document.text()).isEqualTo("aX\n\nbY\n\n");
        assertThat(commands.carets()).containsExactly(CaretRange.at(3), CaretRange.at(7));
    }

    @Test
    void caretsAboveAndBelowAndTheNextOccurrence(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("w.txt"), "foo x\nbar\nfoo y\n"));
        var editor = window.editor(document);
        var commands = EditorWindow.commands(editor);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(7);
        });

        window.key(KeyCode.DOWN, KeyCode.CONTROL, KeyCode.ALT);
        window.key(KeyCode.UP, KeyCode.CONTROL, KeyCode.ALT);
        assertThat(commands.carets()).containsExactlyInAnyOrder(CaretRange.at(7), CaretRange.at(11),
                CaretRange.at(1));

        window.key(KeyCode.ESCAPE);
        robot.interact(() -> editor.area().moveTo(1));
        window.key(KeyCode.J, KeyCode.ALT);
        window.key(KeyCode.J, KeyCode.ALT);
        assertThat(commands.carets()).containsExactly(new CaretRange(0, 3), new CaretRange(10, 13));

        window.type("z");
        assertThat(document.text()).isEqualTo("z x\nbar\nz y\n");
    }

    @Test
    void extraCaretsMoveWithAnEditMadeInTheOtherEditorOfASplit(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("s.txt"), "abc\ndef\n"));
        var left = window.editor(document);
        robot.interact(() -> {
            left.area().moveTo(4);
            EditorWindow.commands(left).toggleCaretAt(6);
        });

        robot.interact(window.pane::splitRight);
        var right = window.pane.editorsFor(document).get(1);
        robot.interact(() -> right.area().moveTo(0));
        robot.clickOn(EditorWindow.beforeChar(right, 0));
        window.type("12");

        assertThat(EditorWindow.commands(left).carets()).containsExactly(CaretRange.at(6), CaretRange.at(8));
    }

    @Test
    void arrowHomeAndEndMoveTheExtraCaretsAlongWithTheAreasOwn(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("m.txt"), "ab\n  cd\nef"));
        var editor = window.editor(document);
        var commands = EditorWindow.commands(editor);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(1);
            commands.toggleCaretAt(6);
        });

        window.key(KeyCode.RIGHT);
        assertThat(EditorWindow.fx(commands::carets)).containsExactly(CaretRange.at(2), CaretRange.at(7));
        window.key(KeyCode.LEFT);
        window.key(KeyCode.HOME);
        assertThat(EditorWindow.fx(commands::carets).get(1)).isEqualTo(CaretRange.at(5));
        window.key(KeyCode.END);
        assertThat(EditorWindow.fx(commands::carets).get(1)).isEqualTo(CaretRange.at(7));
        window.key(KeyCode.DOWN);
        assertThat(EditorWindow.fx(commands::carets).get(1)).isEqualTo(CaretRange.at(10));
        window.key(KeyCode.UP);
        assertThat(EditorWindow.fx(commands::carets)).as("the extra caret may pass where the area's own one was")
                .containsExactly(CaretRange.at(2), CaretRange.at(5));
    }
}
