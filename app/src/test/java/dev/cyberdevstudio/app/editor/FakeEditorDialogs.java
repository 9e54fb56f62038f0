package dev.cyberdevstudio.app.editor;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the editor's questions from queues and records what was asked. */
final class FakeEditorDialogs implements EditorDialogs {

    final Deque<UnsavedChoice> unsavedAnswers = new ArrayDeque<>();
    final Deque<ReloadChoice> reloadAnswers = new ArrayDeque<>();
    final Deque<Boolean> largeAnswers = new ArrayDeque<>();
    final Deque<Optional<String>> lineAnswers = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    Runnable whileAskingAboutReload = () -> { };

    @Override
    public UnsavedChoice askUnsaved(Path file) {
        asked.add("unsaved " + file.getFileName());
        return answer(unsavedAnswers, "askUnsaved");
    }

    @Override
    public ReloadChoice askReloadOrKeep(Path file) {
        asked.add("reload " + file.getFileName());
        whileAskingAboutReload.run();
        return answer(reloadAnswers, "askReloadOrKeep");
    }

    @Override
    public boolean confirmOpenLarge(Path file, long size) {
        asked.add("large " + file.getFileName() + " " + size);
        return answer(largeAnswers, "confirmOpenLarge");
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<String> askGoToLine(int currentLine, int lineCount) {
        asked.add("line " + currentLine + "/" + lineCount);
        return answer(lineAnswers, "askGoToLine");
    }

    private static <T> T answer(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("Unexpected question: " + question);
        }
        return answers.removeFirst();
    }
}
