package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.editor.EditorDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the editor's questions without asking anyone; records errors so that a test can fail on them. */
final class TestEditorDialogs implements EditorDialogs {

    final List<String> errors = new CopyOnWriteArrayList<>();

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
