package dev.cyberdevstudio.app.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Scripted answers to the admin pane's questions: deletes confirmed or not, the file the "chooser" picks, the
 * forms the "Add by URL" dialog submits; records what was asked and what the pane answered.
 */
final class TestAdminDialogs implements AdminDialogs {

    final List<String> confirmations = new CopyOnWriteArrayList<>();
    /** What each submitted URL form got back: empty when added, else the problem shown in the dialog. */
    final List<Optional<String>> urlAnswers = new CopyOnWriteArrayList<>();
    volatile boolean confirm = true;
    volatile Optional<Path> chosenFile = Optional.empty();
    /** The forms the user "types" into one Add by URL dialog, in turn, until one is accepted. */
    volatile List<ModelUrlForm> urlForms = List.of();

    @Override
    public boolean confirmDelete(String fileName, String size) {
        confirmations.add(fileName + " " + size);
        return confirm;
    }

    @Override
    public Optional<Path> chooseModelFile() {
        return chosenFile;
    }

    @Override
    public void askModelUrl(Function<ModelUrlForm, CompletableFuture<Optional<String>>> add) {
        for (var form : urlForms) {
            var answer = add.apply(form).join();
            urlAnswers.add(answer);
            if (answer.isEmpty()) {
                return;
            }
        }
    }
}
