package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Auto-indent, auto-closing, comment toggles and bracket boxes in a real window, with real highlighting. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EditingKeysTest {

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
    void enterAfterABraceIndentsAndBetweenBracesPutsTheCloserBelow(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("A.java"), "class A {}\n"));
        var editor = window.editor(document);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(9);
        });

        window.key(KeyCode.ENTER);
        assertThat(document.text()).isEqualTo("class A {\n    \n}\n");
        assertThat(editor.area().getCaretPosition()).isEqualTo(14);

        window.type("if (x) {");
        assertThat(document.text()).isEqualTo("class A {\n    if (x) {}\n}\n");
        window.key(KeyCode.ENTER);
        window.type("y();");
        window.key(KeyCode.ENTER);
        window.type("}");
        assertThat(document.text()).as("the typed closer lines up with its opener's line")
                .isEqualTo("class A {\n    if (x) {\n        y();\n    }\n    }\n}\n");
    }

    @Test
    void enterAfterAPythonColonIndentsByTheFilesOwnUnit(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("a.py"), "if x:\n  pass\ndef f():"));
        var editor = window.editor(document);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().end(org.fxmisc.richtext.NavigationActions.SelectionPolicy.CLEAR);
            editor.area().moveTo(editor.area().getLength());
        });

        window.key(KeyCode.ENTER);

        assertThat(document.text()).isEqualTo("if x:\n  pass\ndef f():\n  ");
        assertThat(EditorWindow.commands(editor).indentUnit()).isEqualTo(IndentUnit.spaces(2));
    }

    @Test
    void tabAndShiftTabShiftTheSelectedLines(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("t.txt"), "a\nb\n"));
        var editor = window.editor(document);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().selectRange(0, 3);
        });

        window.key(KeyCode.TAB);
        assertThat(document.text()).isEqualTo("    a\n    b\n");
        window.key(KeyCode.TAB, KeyCode.SHIFT);
        assertThat(document.text()).isEqualTo("a\nb\n");
    }

    @Test
    void ctrlSlashTogglesJavaAndPythonLineComments(FxRobot robot) throws Exception {
        var java = window.open(robot, Files.writeString(folder.resolve("B.java"), "  int a;\n  int b;\n"));
        var javaEditor = window.editor(java);
        robot.interact(() -> {
            javaEditor.area().requestFocus();
            javaEditor.area().selectRange(0, 12);
        });
        window.key(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(java.text()).isEqualTo("  // int a;\n  // int b;\n");
        window.key(KeyCode.Z, KeyCode.CONTROL);
        assertThat(java.text()).isEqualTo("  int a;\n  int b;\n");
        window.key(KeyCode.SLASH, KeyCode.CONTROL);
        window.key(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(java.text()).isEqualTo("  int a;\n  int b;\n");

        var python = window.open(robot, Files.writeString(folder.resolve("c.py"), "x = 1\n"));
        var pythonEditor = window.editor(python);
        robot.interact(() -> {
            pythonEditor.area().requestFocus();
            pythonEditor.area().moveTo(2);
        });
        window.key(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(python.text()).isEqualTo("# x = 1\n");
        window.key(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(python.text()).isEqualTo("x = 1\n");

        window.key(KeyCode.SLASH, KeyCode.CONTROL, KeyCode.SHIFT);
        assertThat(python.text()).as("Python has no block comment").isEqualTo("x = 1\n");
    }

    @Test
    void ctrlShiftSlashWrapsTheSelectionInABlockComment(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("C.java"), "f(a, b);\n"));
        var editor = window.editor(document);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().selectRange(5, 6);
        });

        window.key(KeyCode.SLASH, KeyCode.CONTROL, KeyCode.SHIFT);

        assertThat(document.text()).isEqualTo("f(a, /* b */);\n");
    }

    @Test
    void bracketsBesideTheCaretGetBoxesAtTheirPlaces(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("D.java"),
                "class D { String s = \")\"; void f(int a) { g(a); } }\n"));
        var editor = window.editor(document);
        var text = document.text();
        int quoted = text.indexOf("\")\"") + 1;
        EditorWindow.waitForStyle(editor, quoted, "string");
        int open = text.indexOf("f(") + 1;
        int close = text.indexOf(") {");

        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(open);
        });
        EditorWindow.waitUntil(() -> EditorWindow.fx(() -> boxes(editor).getFirst().isVisible()));

        var match = EditorWindow.commands(editor).bracketMatch().orElseThrow();
        assertThat(match.bracket()).isEqualTo(open);
        assertThat(match.partner()).hasValue(close);
        assertThat(EditorWindow.fx(() -> boxes(editor).getFirst().getStyleClass())).containsExactly("bracket-match");
        assertThat(EditorWindow.fx(() -> centerX(boxes(editor).get(0)))).isCloseTo(charCenterX(editor, open),
                org.assertj.core.data.Offset.offset(2.0));
        assertThat(EditorWindow.fx(() -> centerX(boxes(editor).get(1)))).isCloseTo(charCenterX(editor, close),
                org.assertj.core.data.Offset.offset(2.0));

        robot.interact(() -> editor.area().moveTo(quoted));
        EditorWindow.waitUntil(() -> EditorWindow.fx(() -> !boxes(editor).getFirst().isVisible()));

        robot.interact(() -> editor.area().moveTo(text.lastIndexOf('}') + 1));
        EditorWindow.waitUntil(() -> EditorWindow.fx(() -> boxes(editor).getFirst().isVisible()));
        assertThat(EditorWindow.commands(editor).bracketMatch().orElseThrow().partner()).hasValue(text.indexOf('{'));

        window.key(KeyCode.BACK_SLASH, KeyCode.CONTROL, KeyCode.SHIFT);
        assertThat(editor.area().getCaretPosition()).isEqualTo(text.indexOf('{'));
    }

    @Test
    void anUnmatchedBracketGetsTheOtherBox(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("E.java"), "void f() {\n"));
        var editor = window.editor(document);

        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(10);
        });
        EditorWindow.waitUntil(() -> EditorWindow.fx(() -> boxes(editor).getFirst().isVisible()));

        assertThat(EditorWindow.fx(() -> boxes(editor).getFirst().getStyleClass()))
                .containsExactly("bracket-unmatched");
        assertThat(EditorWindow.fx(() -> boxes(editor).get(1).isVisible())).isFalse();
    }

    @Test
    void autoClosesQuotesAndStepsOverTheCloser(FxRobot robot) throws Exception {
        var document = window.open(robot, Files.writeString(folder.resolve("F.java"), "x = ;\n"));
        var editor = window.editor(document);
        robot.interact(() -> {
            editor.area().requestFocus();
            editor.area().moveTo(4);
        });

        window.type("\"hi\"");
        window.key(KeyCode.BACK_SPACE);
        window.type("(");
        window.key(KeyCode.BACK_SPACE);

        assertThat(document.text()).isEqualTo("x = \"hi;\n");
    }

    private static java.util.List<javafx.scene.layout.Region> boxes(dev.cyberdevstudio.app.editor.CodeEditor editor) {
        return editor.overlay().getChildren().stream()
                .filter(javafx.scene.layout.Region.class::isInstance)
                .map(javafx.scene.layout.Region.class::cast)
                .filter(node -> node.getStyleClass().stream().anyMatch(style -> style.startsWith("bracket"))
                        || node.getStyleClass().isEmpty())
                .toList();
    }

    private static double centerX(javafx.scene.layout.Region box) {
        Bounds bounds = box.localToScreen(box.getBoundsInLocal());
        return bounds.getCenterX();
    }

    private static double charCenterX(dev.cyberdevstudio.app.editor.CodeEditor editor, int offset) {
        return EditorWindow.fx(() -> editor.area().getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow()
                .getCenterX());
    }
}
