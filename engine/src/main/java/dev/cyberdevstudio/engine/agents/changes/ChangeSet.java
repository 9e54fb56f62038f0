package dev.cyberdevstudio.engine.agents.changes;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The edits one agent task proposes, reviewed hunk by hunk and applied together or not at all.
 *
 * @param taskId the task that proposed it (empty when a person made it)
 */
public record ChangeSet(String id, String title, String taskId, List<FileEdit> edits) {

    public ChangeSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(taskId, "taskId");
        edits = List.copyOf(edits);
        var seen = new HashSet<>();
        for (var edit : edits) {
            if (!seen.add(edit.file().normalize())) {
                throw new IllegalArgumentException("A change set edits " + edit.file() + " twice");
            }
        }
    }
}
