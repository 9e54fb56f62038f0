package dev.cyberdevstudio.engine.diff;

import java.util.List;

/**
 * Lines both sides of a three-way merge changed, differently. In the merged text the conflict is the marked block
 * {@code [startLine, endLine)} (lines from 0, markers included).
 *
 * @param index  the conflict's place among the merge's conflicts, from 0
 * @param base   the lines as the common ancestor had them
 * @param ours   the lines as our side has them
 * @param theirs the lines as their side has them
 */
public record MergeConflict(int index, int startLine, int endLine, List<String> base, List<String> ours,
                            List<String> theirs) {

    public MergeConflict {
        base = List.copyOf(base);
        ours = List.copyOf(ours);
        theirs = List.copyOf(theirs);
    }
}
