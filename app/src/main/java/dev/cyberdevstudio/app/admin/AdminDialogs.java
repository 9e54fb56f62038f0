package dev.cyberdevstudio.app.admin;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The questions the admin pane asks; a real dialog in the studio, a scripted answer in tests. */
public interface AdminDialogs {

    /** Asks whether to delete {@code fileName} ({@code size}) from disk. */
    boolean confirmDelete(String fileName, String size);

    /** Asks for a GGUF model file to copy into the models folder; empty when the user cancels. */
    Optional<Path> chooseModelFile();

    /**
     * Asks for a model's URL, name, role and, when published, its SHA-256 and size, and hands what was typed to
     * {@code add}, which completes (on the UI thread) with the problem to show, or empty once the model is in the
     * catalog. The question stays open, showing the problem, until {@code add} succeeds or the user cancels.
     */
    void askModelUrl(Function<ModelUrlForm, CompletableFuture<Optional<String>>> add);
}
