package dev.cyberdevstudio.app.editor.editing;

import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.input.KeyCombination;

/**
 * Multiple carets, bracket matching, auto-indent, auto-closing pairs and comment toggles for every editor:
 *
 * <pre>{@code
 * editorTabs.addEditorFeature(new EditingFeature()::attach);                               // default keys
 * editorTabs.addEditorFeature(new EditingFeature(id -> actions.shortcut(id).get())::attach);  // rebindable
 * }</pre>
 *
 * <p>Each editor gets an {@link EditingCommands} ({@code editor.feature(EditingCommands.class)}). The bracket boxes
 * are styled by {@value #STYLESHEET_NAME}, which the feature puts on the editor's overlay itself.
 */
public final class EditingFeature {

    static final String STYLESHEET_NAME = "editing.css";
    private static final String STYLESHEET = Objects.requireNonNull(
            EditingFeature.class.getResource(STYLESHEET_NAME), STYLESHEET_NAME).toExternalForm();

    private final Function<String, KeyCombination> shortcuts;

    /** With the default keys of {@link EditingActions}. */
    public EditingFeature() {
        this(EditingActions::defaultShortcut);
    }

    /** With the keys {@code shortcuts} gives for each action id (null for none), asked at each key press. */
    public EditingFeature(Function<String, KeyCombination> shortcuts) {
        this.shortcuts = shortcuts;
    }

    /** Attaches to {@code editor}; the handle detaches (closed with the tab when added as an editor feature). */
    public AutoCloseable attach(DocumentViewModel document, CodeEditor editor) {
        var area = editor.area();
        var overlay = editor.overlay();
        if (!overlay.getStylesheets().contains(STYLESHEET)) {
            overlay.getStylesheets().add(STYLESHEET);
        }
        var carets = new ExtraCarets(area);
        var brackets = new BracketHighlight(area, overlay, () -> new DocumentChars(area));
        var commands = new EditingCommands(editor, carets, brackets);
        var keys = new EditingKeys(area, commands, shortcuts);
        editor.putFeature(EditingCommands.class, commands);
        return () -> {
            keys.close();
            brackets.close();
            carets.clear();
        };
    }
}
