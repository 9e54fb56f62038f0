package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.engine.agents.changes.ChangeSet;
import dev.cyberdevstudio.engine.agents.changes.FileEdit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The edits a loop has proposed, file by file: each file's base is its text when the agent first read or edited
 * it, and its proposal is the latest text. Later reads of the file see the proposal, so the agent builds on its
 * own edits.
 */
public final class ProposedChanges {

    private final Map<Path, Optional<String>> bases = new LinkedHashMap<>();
    private final Map<Path, Optional<String>> proposals = new LinkedHashMap<>();

    /** Notes the version of {@code file} the agent saw, the first time only. */
    public synchronized void read(Path file, Optional<String> text) {
        bases.putIfAbsent(file.normalize(), text);
    }

    /** The file as the agent should see it: its proposal if it proposed one. */
    public synchronized Optional<Optional<String>> proposal(Path file) {
        return Optional.ofNullable(proposals.get(file.normalize()));
    }

    public synchronized void propose(Path file, Optional<String> base, Optional<String> text) {
        bases.putIfAbsent(file.normalize(), base);
        proposals.put(file.normalize(), text);
    }

    public synchronized boolean isEmpty() {
        return proposals.isEmpty();
    }

    /** The proposals as a change set for review; files whose proposal equals their base are left out. */
    public synchronized ChangeSet toChangeSet(String id, String title, String taskId) {
        var edits = proposals.entrySet().stream()
            .filter(entry -> !entry.getValue().equals(bases.get(entry.getKey())))
            .map(entry -> new FileEdit(entry.getKey(), bases.get(entry.getKey()), entry.getValue()))
            .toList();
        return new ChangeSet(id, title, taskId, edits);
    }
}
