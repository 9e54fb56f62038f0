package dev.cyberdevstudio.engine.git;

import dev.cyberdevstudio.engine.diff.TextDiff;
import java.util.List;

/** A working text compared with the file in HEAD, or why it could not be. */
public sealed interface HeadComparison {

    /**
     * The diff from HEAD (old) to the working text (new) and its changes for the gutter. A file added to the index
     * but not yet committed compares with an empty text: every line is added.
     */
    record Compared(TextDiff diff, List<LineChange> changes) implements HeadComparison {

        public Compared {
            changes = List.copyOf(changes);
        }

        static Compared of(TextDiff diff) {
            return new Compared(diff, LineChange.of(diff));
        }
    }

    /** No comparison: not tracked, binary, too large, outside the repository. {@code reason} says it in words. */
    record Unavailable(String reason) implements HeadComparison {
    }
}
