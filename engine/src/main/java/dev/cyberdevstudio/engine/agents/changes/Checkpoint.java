package dev.cyberdevstudio.engine.agents.changes;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change of project files that can be rolled back: an applied change set, the files a command run by
 * an agent changed, or a rollback (which can itself be rolled back, undoing it).
 *
 * @param sequence order in the journal, from 1
 * @param taskId   the agent task it belongs to, empty when none
 */
public record Checkpoint(String id, long sequence, Kind kind, String title, String taskId, Instant at, State state,
                         List<FileVersion> files) {

    public enum Kind { CHANGE_SET, COMMAND, ROLLBACK }

    /** PREPARED only while files are being written; a crash leaves it so, and recovery turns it ABORTED. */
    public enum State { PREPARED, APPLIED, ABORTED }

    public Checkpoint {
        files = List.copyOf(files);
    }

    Checkpoint withState(State value) {
        return new Checkpoint(id, sequence, kind, title, taskId, at, value, files);
    }
}
