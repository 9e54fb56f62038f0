package dev.cyberdevstudio.engine.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One change seen by {@link ProjectWatcher}.
 *
 * @param path absolute path of the file or folder that changed; for {@link Kind#RESCAN} the project folder
 * @param kind what happened to it
 */
public record FileChange(Path path, Kind kind) {

    /** What happened to a path. */
    public enum Kind {
        CREATED,
        MODIFIED,
        DELETED,
        /** Events were lost (the system's queue overflowed): anything under the path may have changed. */
        RESCAN
    }

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }
}
