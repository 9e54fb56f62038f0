package dev.cyberdevstudio.app.project;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers the tree's questions from a script and remembers what was asked and shown. */
final class FakeProjectDialogs implements ProjectDialogs {

    record NameRequest(String title, String prompt, String initialName) {
    }

    record DeleteRequest(Path path, boolean folder) {
    }

    record Error(String title, String message) {
    }

    private final Deque<Optional<String>> names = new ArrayDeque<>();
    private boolean confirmDeletes = true;
    final List<NameRequest> nameRequests = new ArrayList<>();
    final List<DeleteRequest> deleteRequests = new ArrayList<>();
    final List<Error> errors = new ArrayList<>();

    FakeProjectDialogs answerName(String name) {
        names.add(Optional.of(name));
        return this;
    }

    FakeProjectDialogs cancelName() {
        names.add(Optional.empty());
        return this;
    }

    FakeProjectDialogs confirmDeletes(boolean confirm) {
        confirmDeletes = confirm;
        return this;
    }

    @Override
    public synchronized Optional<String> askName(String title, String prompt, String initialName) {
        nameRequests.add(new NameRequest(title, prompt, initialName));
        return names.isEmpty() ? Optional.empty() : names.removeFirst();
    }

    @Override
    public synchronized boolean confirmDelete(Path path, boolean folder) {
        deleteRequests.add(new DeleteRequest(path, folder));
        return confirmDeletes;
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(new Error(title, message));
    }
}
