package dev.cyberdevstudio.engine.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes gathered for one batch, folded so that each path appears once and says how it differs from before
 * the batch began: created then modified is created; deleted then created is modified; created then deleted is
 * nothing at all. Not thread-safe: owned by the watcher's thread.
 */
final class ChangeBatch {

    private final Map<Path, FileChange.Kind> changes = new LinkedHashMap<>();

    void add(Path path, FileChange.Kind kind) {
        var before = changes.get(path);
        if (before == null) {
            changes.put(path, kind);
            return;
        }
        var merged = switch (before) {
            case CREATED -> switch (kind) {
                case DELETED -> null;
                case RESCAN -> FileChange.Kind.RESCAN;
                case CREATED, MODIFIED -> FileChange.Kind.CREATED;
            };
            case DELETED -> kind == FileChange.Kind.DELETED || kind == FileChange.Kind.RESCAN
                    ? kind : FileChange.Kind.MODIFIED;
            case MODIFIED -> kind == FileChange.Kind.CREATED ? FileChange.Kind.MODIFIED : kind;
            case RESCAN -> FileChange.Kind.RESCAN;
        };
        if (merged == null) {
            changes.remove(path);
        } else {
            changes.put(path, merged);
        }
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The folded changes in the order their paths first appeared; leaves the batch empty. */
    List<FileChange> drain() {
        var batch = new ArrayList<FileChange>(changes.size());
        changes.forEach((path, kind) -> batch.add(new FileChange(path, kind)));
        changes.clear();
        return List.copyOf(batch);
    }
}
