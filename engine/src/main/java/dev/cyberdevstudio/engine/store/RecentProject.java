package dev.cyberdevstudio.engine.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A project folder the user opened, and when.
 *
 * @param folder absolute, normalized path of the folder; it may no longer exist
 * @param lastOpened when it was last opened
 */
public record RecentProject(Path folder, Instant lastOpened) {

    public RecentProject {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(lastOpened, "lastOpened");
    }
}
