package dev.cyberdevstudio.engine.agents.changes;

import java.util.List;

/** What applying (or rolling back) a change did. */
public sealed interface ApplyOutcome {

    /** Every file was written; {@code checkpoint} records it and can roll it back. */
    record Applied(Checkpoint checkpoint) implements ApplyOutcome {
    }

    /** Nothing was written: files changed since; each needs a 3-way merge the person resolves. */
    record NeedsMerge(List<FileMerge> merges) implements ApplyOutcome {
        public NeedsMerge {
            merges = List.copyOf(merges);
        }
    }

    /** No hunk was accepted, or the files already hold the result: nothing to write. */
    record NothingToApply(String reason) implements ApplyOutcome {
    }
}
