package dev.cyberdevstudio.engine.diff;

import dev.cyberdevstudio.engine.diff.TextLines.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges two texts that both started from a common base: changes to different lines are combined, the same change
 * made on both sides is taken once, and lines the two sides changed differently become conflicts. Two insertions at
 * the same place that differ are a conflict too; changes to neighbouring lines are not.
 *
 * <pre>{@code
 * var merged = ThreeWayMerge.merge(textTheAgentRead, textOnDiskNow, textTheAgentProposes);
 * if (merged.clean()) save(merged.text()); else show(merged.conflicts());
 * }</pre>
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    public static MergeResult merge(String base, String ours, String theirs) {
        return merge(base, ours, theirs, "ours", "theirs");
    }

    /** Merges; {@code oursLabel} and {@code theirsLabel} name the sides in conflict markers. */
    public static MergeResult merge(String base, String ours, String theirs, String oursLabel, String theirsLabel) {
        var oursDiff = TextDiff.compare(base, ours);
        var theirsDiff = TextDiff.compare(base, theirs);
        var baseLines = oursDiff.oldLines();
        var changes = new ArrayList<Change>();
        oursDiff.hunks().forEach(hunk -> changes.add(new Change(hunk, true, oursDiff.newLines())));
        theirsDiff.hunks().forEach(hunk -> changes.add(new Change(hunk, false, theirsDiff.newLines())));
        changes.sort(Comparator.comparingInt((Change change) -> change.hunk().oldStart())
                .thenComparingInt(change -> change.hunk().oldEnd()));

        var segments = new ArrayList<MergeResult.Segment>();
        int position = 0;
        for (var group : groups(changes)) {
            int from = group.getFirst().hunk().oldStart();
            int to = group.stream().mapToInt(change -> change.hunk().oldEnd()).max().orElse(from);
            if (from > position) {
                segments.add(new MergeResult.Stable(baseLines.subList(position, from)));
            }
            var oursRegion = region(baseLines, from, to, group, true);
            var theirsRegion = region(baseLines, from, to, group, false);
            boolean oursChanged = group.stream().anyMatch(Change::ours);
            boolean theirsChanged = group.stream().anyMatch(change -> !change.ours());
            if (!theirsChanged || sameLines(oursRegion, theirsRegion)) {
                segments.add(new MergeResult.Stable(oursRegion));
            } else if (!oursChanged) {
                segments.add(new MergeResult.Stable(theirsRegion));
            } else {
                segments.add(new MergeResult.Conflicted(baseLines.subList(from, to), oursRegion, theirsRegion));
            }
            position = to;
        }
        if (position < baseLines.size()) {
            segments.add(new MergeResult.Stable(baseLines.subList(position, baseLines.size())));
        }
        var separator = TextLines.separatorOf(ours.isEmpty() ? base : ours);
        return new MergeResult(segments, separator, oursLabel, theirsLabel);
    }

    private record Change(DiffHunk hunk, boolean ours, List<Line> sideLines) {
    }

    // Changes that overlap in the base (or insert at the same place) belong together; chains of them too.
    private static List<List<Change>> groups(List<Change> changes) {
        var groups = new ArrayList<List<Change>>();
        var current = new ArrayList<Change>();
        int from = 0;
        int to = 0;
        for (var change : changes) {
            var hunk = change.hunk();
            boolean joins = !current.isEmpty() && ((hunk.oldStart() < to && from < hunk.oldEnd())
                    || (hunk.oldCount() == 0 && from == to && hunk.oldStart() == from));
            if (!joins && !current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                from = hunk.oldStart();
                to = hunk.oldEnd();
            } else {
                to = Math.max(to, hunk.oldEnd());
            }
            current.add(change);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    // Base lines [from, to) as one side has them: its hunks in the group applied, base lines kept in between.
    private static List<Line> region(List<Line> base, int from, int to, List<Change> group, boolean ours) {
        var lines = new ArrayList<Line>();
        int position = from;
        for (var change : group) {
            if (change.ours() != ours) {
                continue;
            }
            var hunk = change.hunk();
            lines.addAll(base.subList(position, hunk.oldStart()));
            lines.addAll(change.sideLines().subList(hunk.newStart(), hunk.newEnd()));
            position = hunk.oldEnd();
        }
        lines.addAll(base.subList(position, to));
        return lines;
    }

    private static boolean sameLines(List<Line> left, List<Line> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!left.get(i).sameAs(right.get(i))) {
                return false;
            }
        }
        return true;
    }
}
