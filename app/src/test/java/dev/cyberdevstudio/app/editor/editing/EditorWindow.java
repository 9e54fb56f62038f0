package dev.cyberdevstudio.app.editor.editing;

import dev.cyberdevstudio.app.concurrent.FxTaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.app.editor.FxEditorDialogs;
import dev.cyberdevstudio.app.editor.highlight.SyntaxHighlighting;
import dev.cyberdevstudio.app.theme.StudioTheme;
import dev.cyberdevstudio.app.theme.ThemeCatalog;
import dev.cyberdevstudio.engine.syntax.Language;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** An editor area with the editing feature and real highlighting in a themed window, for the TestFX tests. */
final class EditorWindow {

    final FxTaskExecutor executor = new FxTaskExecutor();
    final EditorTabsViewModel editors;
    final EditorTabsPane pane;
    final Scene scene;

    EditorWindow(Stage stage, StudioTheme theme, double width, double height) {
        var catalog = ThemeCatalog.load();
        Application.setUserAgentStylesheet(theme.baseStylesheet());
        editors = new EditorTabsViewModel(executor, new FxEditorDialogs(() -> stage));
        pane = new EditorTabsPane(editors);
        pane.setHighlighting((path, area) -> Language.forFileName(path.getFileName().toString())
                .map(language -> (AutoCloseable) SyntaxHighlighting.attach(area, language, executor)).orElse(null));
        pane.addEditorFeature(new EditingFeature()::attach);
        scene = new Scene(pane, width, height);
        scene.getStylesheets().setAll(catalog.sharedStylesheet(), theme.tokensStylesheet());
        stage.setScene(scene);
        stage.show();
    }

    /** Stops the highlighters before their executor, so that nothing is left to run into a closed one. */
    void close(FxRobot robot) {
        robot.interact(() -> pane.setHighlighting(null));
        executor.close();
    }

    static StudioTheme defaultTheme() {
        return ThemeCatalog.load().defaultTheme();
    }

    DocumentViewModel open(FxRobot robot, Path file) {
        robot.interact(() -> editors.open(file));
        waitUntil(() -> editors.activeDocument().filter(document -> document.path()
                .equals(file.toAbsolutePath().normalize())).isPresent()
                && pane.activeEditor().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return editors.activeDocument().orElseThrow();
    }

    CodeEditor editor(DocumentViewModel document) {
        return pane.editorFor(document).orElseThrow();
    }

    static EditingCommands commands(CodeEditor editor) {
        return editor.feature(EditingCommands.class).orElseThrow();
    }

    /** A screen point just inside the left edge of the char at {@code offset}, where a click puts the caret. */
    static Point2D beforeChar(CodeEditor editor, int offset) {
        WaitForAsyncUtils.waitForFxEvents();
        Bounds bounds = fx(() -> editor.area().getCharacterBoundsOnScreen(offset, offset + 1).orElseThrow());
        return new Point2D(bounds.getMinX() + 1, bounds.getCenterY());
    }

    /** {@code work} on the FX thread, waited for. */
    static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(15, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new AssertionError("The FX thread could not answer", failed);
        }
    }

    /**
     * Presses and releases a key with modifiers as the window would deliver it to the focused node. Used instead of
     * the robot's keyboard: on a loaded machine Xvfb's auto-repeat turns a robot key held a little long into dozens.
     */
    void key(KeyCode code, KeyCode... modifiers) {
        var held = java.util.Set.of(modifiers);
        boolean shift = held.contains(KeyCode.SHIFT);
        boolean control = held.contains(KeyCode.CONTROL);
        boolean alt = held.contains(KeyCode.ALT);
        var typed = switch (code) {
            case ENTER -> "\r";
            case TAB -> "\t";
            case BACK_SPACE -> "\b";
            default -> code.isLetterKey() && !control ? code.getChar().toLowerCase(java.util.Locale.ROOT) : "";
        };
        fx(() -> {
            var target = scene.getFocusOwner();
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, shift,
                    control, alt, false));
            if (!typed.isEmpty()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, typed, "", KeyCode.UNDEFINED, shift,
                        control, alt, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, shift,
                    control, alt, false));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} char by char into the focused node (see {@link #key}). */
    void type(String text) {
        for (var c : text.toCharArray()) {
            fx(() -> {
                Event.fireEvent(scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "",
                        KeyCode.UNDEFINED, false, false, false, false));
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the highlighter has styled {@code offset} with {@code styleClass}. */
    static void waitForStyle(CodeEditor editor, int offset, String styleClass) {
        waitUntil(() -> editor.area().getStyleOfChar(offset).contains(styleClass));
    }

    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException timeout) {
            throw new AssertionError("Condition not met within 15 s", timeout);
        }
    }
}
