package dev.cyberdevstudio.app.editor;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the editor asks the user. {@link FxEditorDialogs} asks them with JavaFX dialogs; tests answer them
 * with a fake. Every method is called on the UI thread and returns the user's answer.
 */
public interface EditorDialogs {

    /** The answers to "save the changes before closing?". */
    enum UnsavedChoice { SAVE, DONT_SAVE, CANCEL }

    /** The answers to "the file changed on disk while you were editing it". */
    enum ReloadChoice { RELOAD, KEEP_MINE }

    /** The file has unsaved changes and is about to be closed. */
    UnsavedChoice askUnsaved(Path file);

    /** The file changed on disk and the open document has unsaved changes. */
    ReloadChoice askReloadOrKeep(Path file);

    /** The file is {@code size} bytes, above the limit for normal editing: open it read-only? */
    boolean confirmOpenLarge(Path file, long size);

    /** Tells the user that something failed; {@code message} names the file and the cause. */
    void showError(String title, String message);

    /** Asks where to go: the answer is "line" or "line:column", or empty when the user cancels. */
    Optional<String> askGoToLine(int currentLine, int lineCount);
}
