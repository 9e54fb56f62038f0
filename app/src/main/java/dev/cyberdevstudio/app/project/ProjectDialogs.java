package dev.cyberdevstudio.app.project;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the project tree asks the user. {@link FxProjectDialogs} shows real dialogs; view-model tests pass a
 * fake that answers at once.
 */
public interface ProjectDialogs {

    /**
     * Asks for the name of a file or folder.
     *
     * @param title       what is being done ("New File")
     * @param prompt      one line saying where ("Name of the new file in /home/ada/project/src")
     * @param initialName the text to start from: empty for a new entry, the current name for a rename
     * @return the name entered, or empty when the user cancelled
     */
    Optional<String> askName(String title, String prompt, String initialName);

    /** Asks whether to delete {@code path} (with everything in it when {@code folder}); true to go ahead. */
    boolean confirmDelete(Path path, boolean folder);

    /** Tells the user that something failed; {@code message} names the path and the cause. */
    void showError(String title, String message);
}
