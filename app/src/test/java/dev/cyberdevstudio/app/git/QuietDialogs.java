package dev.cyberdevstudio.app.git;

import dev.cyberdevstudio.app.editor.EditorDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Editor dialogs that answer without asking: keep mine, don't save, no large files; errors are recorded. */
final class QuietDialogs implements EditorDialogs {

    final List<String> errors = new ArrayList<>();

    @Override
    public UnsavedChoice askUnsaved(Path file) {
        return UnsavedChoice.DONT_SAVE;
    }

    @Override
    public ReloadChoice askReloadOrKeep(Path file) {
        return ReloadChoice.KEEP_MINE;
    }

    @Override
    public boolean confirmOpenLarge(Path file, long size) {
        return false;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<String> askGoToLine(int currentLine, int lineCount) {
        return Optional.empty();
    }
}
