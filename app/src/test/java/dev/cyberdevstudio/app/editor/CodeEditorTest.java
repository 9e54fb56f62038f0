package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One code editor in a real window: keys, the find bar, go to line, undo, read-only. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CodeEditorTest {

    private static final KeyCodeCombination FIND = shortcut(KeyCode.F);
    private static final KeyCodeCombination REPLACE = shortcut(KeyCode.H);
    private static final KeyCodeCombination GO_TO_LINE = shortcut(KeyCode.G);
    private static final KeyCodeCombination UNDO = shortcut(KeyCode.Z);

    @TempDir
    Path folder;

    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 700, 400));
        stage.show();
    }

    @Test
    void showsTheTextWithLineNumbers(FxRobot robot) throws IOException {
        var editor = show(robot, "first\nsecond\nthird\n", false);

        assertThat(editor.area().getText()).isEqualTo("first\nsecond\nthird\n");
        assertThat(editor.area().getParagraphGraphicFactory()).isNotNull();
        assertThat(robot.lookup(".lineno").queryAll()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(editor.area().isEditable()).isTrue();
    }

    @Test
    void reportsTheCaretToTheViewModel(FxRobot robot) throws IOException {
        var editor = show(robot, "first\nsecond\n", false);

        robot.interact(() -> editor.area().moveTo(1, 3));

        assertThat(editor.document().caretLineProperty().get()).isEqualTo(2);
        assertThat(editor.document().caretColumnProperty().get()).isEqualTo(4);
    }

    @Test
    void findsWithTheBarAndClosesItWithEscape(FxRobot robot) throws IOException {
        var editor = show(robot, "one two\nthree two\n", false);
        robot.clickOn(editor.area());

        robot.push(FIND);
        robot.write("two");

        var find = editor.document().find();
        assertThat(find.visibleProperty().get()).isTrue();
        assertThat(robot.lookup("#find-status").queryAs(Label.class).getText()).isEqualTo("1 of 2");
        assertThat(editor.area().getSelectedText()).isEqualTo("two");

        robot.type(KeyCode.ENTER);
        assertThat(editor.area().getSelection().getStart()).isEqualTo(14);
        assertThat(robot.lookup("#find-status").queryAs(Label.class).getText()).isEqualTo("2 of 2");

        robot.type(KeyCode.ESCAPE);
        assertThat(find.visibleProperty().get()).isFalse();
        assertThat(editor.area().isFocused()).isTrue();
    }

    @Test
    void replacesEverythingFromTheBar(FxRobot robot) throws IOException {
        var editor = show(robot, "cat cat dog", false);
        robot.clickOn(editor.area());
        robot.push(REPLACE);
        robot.write("cat");
        robot.interact(() -> robot.lookup("#find-replacement").queryAs(TextField.class).setText("cow"));

        robot.clickOn("#replace-all");

        assertThat(editor.area().getText()).isEqualTo("cow cow dog");
        assertThat(editor.document().isDirty()).isTrue();
    }

    @Test
    void goesToALineAndShowsWhyWhenItWasClamped(FxRobot robot) throws IOException {
        var editor = show(robot, "a\nb\nc", false);
        dialogs.lineAnswers.add(Optional.of("3:2"));
        dialogs.lineAnswers.add(Optional.of("40"));
        robot.clickOn(editor.area());

        robot.push(GO_TO_LINE);
        assertThat(editor.area().getCurrentParagraph()).isEqualTo(2);
        assertThat(editor.area().getCaretColumn()).isEqualTo(1);

        robot.push(GO_TO_LINE);
        var notice = robot.lookup(".editor-notice-text").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("Line 40 is past the end: went to line 3, the last line.");
        assertThat(notice.getParent().isVisible()).isTrue();
    }

    @Test
    void undoingBackToTheSavedTextMakesTheDocumentClean(FxRobot robot) throws IOException {
        var editor = show(robot, "saved", false);
        robot.clickOn(editor.area());
        robot.interact(() -> editor.area().moveTo(5));

        robot.write("x");
        assertThat(editor.document().titleProperty().get()).isEqualTo("● doc.txt");

        robot.push(UNDO);

        assertThat(editor.area().getText()).isEqualTo("saved");
        assertThat(editor.document().isDirty()).isFalse();
        assertThat(editor.document().titleProperty().get()).isEqualTo("doc.txt");
    }

    @Test
    void aReadOnlyDocumentShowsItsBannerAndRefusesTyping(FxRobot robot) throws IOException {
        var editor = show(robot, "large content", true);
        robot.clickOn(editor.area());

        robot.write("x");

        assertThat(editor.area().isEditable()).isFalse();
        assertThat(editor.area().getText()).isEqualTo("large content");
        var banner = robot.lookup(".editor-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).endsWith("it is open read-only, without syntax highlighting.");
    }

    @Test
    void replacingTheHighlighterClosesTheOldOne(FxRobot robot) throws IOException {
        var editor = show(robot, "x", false);
        var closed = new AtomicReference<String>("");

        robot.interact(() -> editor.setHighlighting(area -> () -> closed.set("first")));
        robot.interact(() -> editor.setHighlighting(area -> () -> closed.set("second")));
        assertThat(closed.get()).isEqualTo("first");

        robot.interact(editor::close);
        assertThat(closed.get()).isEqualTo("second");
    }

    @Test
    void toleratesAHighlighterWithoutHandleOrOneThatFailsToClose(FxRobot robot) throws IOException {
        var editor = show(robot, "x", false);

        robot.interact(() -> editor.setHighlighting(area -> null));
        robot.interact(() -> editor.setHighlighting(area -> () -> {
            throw new IOException("already gone");
        }));
        robot.interact(() -> editor.setHighlighting(null));
        robot.interact(editor::close);

        assertThat(editor.area().getText()).isEqualTo("x");
    }

    @Test
    void theGoToLineDialogReturnsWhatWasTyped(FxRobot robot) {
        var answer = new AtomicReference<Optional<String>>();
        robot.interact(() -> Platform.runLater(() -> answer.set(new GoToLineDialog(4, 120).showAndWait())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Go to line 1–120").tryQuery()).isPresent();
        var field = robot.lookup("#go-to-line-input").queryAs(TextField.class);
        assertThat(field.getText()).isEqualTo("4");
        assertThat(field.isFocused()).isTrue();
        robot.write("7:3");

        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answer.get()).contains("7:3");
    }

    private CodeEditor show(FxRobot robot, String text, boolean readOnly) throws IOException {
        var file = Files.writeString(folder.resolve("doc.txt"), text);
        var loaded = (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
        var document = DocumentViewModel.ofText(loaded, readOnly, new CurrentThreadTaskExecutor(), dialogs);
        var editor = new AtomicReference<CodeEditor>();
        robot.interact(() -> {
            editor.set(new CodeEditor(document));
            root.getChildren().setAll(editor.get());
        });
        WaitForAsyncUtils.waitForFxEvents();
        return editor.get();
    }

    private static KeyCodeCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
