package dev.cyberdevstudio.app.editor;

import dev.cyberdevstudio.engine.files.TextFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** {@link EditorDialogs} as modal JavaFX dialogs over the studio's window. */
public final class FxEditorDialogs implements EditorDialogs {

    static final ButtonType SAVE = new ButtonType("Save", ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonData.NO);
    static final ButtonType RELOAD = new ButtonType("Reload", ButtonData.YES);
    static final ButtonType KEEP_MINE = new ButtonType("Keep Mine", ButtonData.NO);
    static final ButtonType OPEN_READ_ONLY = new ButtonType("Open Read-Only", ButtonData.OK_DONE);

    private final Supplier<Window> owner;

    /** {@code owner} gives the window the dialogs belong to (may give null before the window shows). */
    public FxEditorDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedChoice askUnsaved(Path file) {
        var alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved Changes",
                "Save the changes to " + DocumentViewModel.fileName(file) + "?",
                "Your changes are lost if you don't save them.", SAVE, DONT_SAVE, ButtonType.CANCEL);
        var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == SAVE) {
            return UnsavedChoice.SAVE;
        }
        return answer == DONT_SAVE ? UnsavedChoice.DONT_SAVE : UnsavedChoice.CANCEL;
    }

    @Override
    public ReloadChoice askReloadOrKeep(Path file) {
        var alert = alert(Alert.AlertType.WARNING, "File Changed on Disk",
                DocumentViewModel.fileName(file) + " changed on disk.",
                "You have unsaved changes to it. Reload the file and lose them, or keep your version "
                        + "(saving it then overwrites the file)?\n\n" + file, RELOAD, KEEP_MINE);
        return alert.showAndWait().orElse(KEEP_MINE) == RELOAD ? ReloadChoice.RELOAD : ReloadChoice.KEEP_MINE;
    }

    @Override
    public boolean confirmOpenLarge(Path file, long size) {
        var alert = alert(Alert.AlertType.CONFIRMATION, "Large File",
                DocumentViewModel.fileName(file) + " is " + TextFiles.formatSize(size) + ".",
                "Files over " + TextFiles.formatSize(TextFiles.LARGE_FILE_LIMIT)
                        + " open read-only and may take a while to load. Open it?", OPEN_READ_ONLY,
                ButtonType.CANCEL);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == OPEN_READ_ONLY;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<String> askGoToLine(int currentLine, int lineCount) {
        var dialog = new GoToLineDialog(currentLine, lineCount);
        withOwner(dialog);
        return dialog.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content, ButtonType... buttons) {
        var alert = new Alert(type, content, buttons);
        alert.setTitle(title);
        alert.setHeaderText(header);
        for (var button : buttons) {
            if (alert.getDialogPane().lookupButton(button) instanceof Button node) {
                node.setId("dialog-" + button.getText().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
            }
        }
        withOwner(alert);
        return alert;
    }

    private void withOwner(Dialog<?> dialog) {
        var window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
        }
    }
}
