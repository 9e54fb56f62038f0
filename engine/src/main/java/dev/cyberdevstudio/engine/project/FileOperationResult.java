package dev.cyberdevstudio.engine.project;

import java.nio.file.Path;
import java.util.Objects;

/** The outcome of one {@link ProjectFiles} operation: done, or failed with a message meant for the user. */
public sealed interface FileOperationResult {

    /**
     * The operation succeeded.
     *
     * @param path the file or folder it produced: the new one for create and rename, the removed one for delete
     */
    record Done(Path path) implements FileOperationResult {
        public Done {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The operation failed and left the tree as it was, or as far as it got for a recursive delete.
     *
     * @param path    the path the failure is about (the entry that could not be removed, the target that exists)
     * @param problem the cause, for callers that branch on it
     * @param message one sentence naming the path and the cause, fit to show to the user
     */
    record Failed(Path path, FileProblem problem, String message) implements FileOperationResult {
        public Failed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
        }
    }
}
