package dev.cyberdevstudio.engine.agents.changes;

import dev.cyberdevstudio.engine.diff.MergeResult;
import java.nio.file.Path;

/**
 * A file that changed on disk since the change was made: {@code merge} combines what is on disk now ("ours") with
 * the change ("theirs") over the version the change started from. The person resolves its conflicts and applies the
 * result with {@link ProjectChanges#applyMerged}.
 */
public record FileMerge(Path file, String base, String current, String changed, MergeResult merge) {
}
