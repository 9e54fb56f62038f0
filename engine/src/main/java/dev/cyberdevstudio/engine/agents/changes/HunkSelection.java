package dev.cyberdevstudio.engine.agents.changes;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hunks a person accepted, per file of a change set (indexes of {@link FileEdit#hunks()}). A file's creation or
 * deletion is one hunk.
 */
public record HunkSelection(Map<Path, Set<Integer>> accepted) {

    public HunkSelection {
        var copy = new HashMap<Path, Set<Integer>>();
        accepted.forEach((file, hunks) -> copy.put(file.normalize(), Set.copyOf(hunks)));
        accepted = Map.copyOf(copy);
    }

    public static HunkSelection all(ChangeSet changes) {
        return new HunkSelection(changes.edits().stream().collect(Collectors.toMap(FileEdit::file,
            edit -> IntStream.range(0, edit.hunks().size()).boxed().collect(Collectors.toSet()))));
    }

    public Set<Integer> of(Path file) {
        return accepted.getOrDefault(file.normalize(), Set.of());
    }
}
