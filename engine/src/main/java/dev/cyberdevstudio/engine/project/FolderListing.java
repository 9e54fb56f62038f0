package dev.cyberdevstudio.engine.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The outcome of listing one folder with {@link ProjectFiles#list(Path)}. */
public sealed interface FolderListing {

    /** The folder being listed. */
    Path folder();

    /**
     * The folder's entries in {@link ProjectEntry#TREE_ORDER}, without the ones the tree hides.
     *
     * @param folder  the listed folder
     * @param entries its visible entries, sorted
     */
    record Listed(Path folder, List<ProjectEntry> entries) implements FolderListing {
        public Listed {
            Objects.requireNonNull(folder, "folder");
            entries = List.copyOf(entries);
        }
    }

    /**
     * The folder could not be read.
     *
     * @param folder  the folder
     * @param problem the cause
     * @param message one sentence naming the folder and the cause
     */
    record Unreadable(Path folder, FileProblem problem, String message) implements FolderListing {
        public Unreadable {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }
}
