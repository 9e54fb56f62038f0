package dev.cyberdevstudio.engine.diff;

import dev.cyberdevstudio.engine.diff.TextLines.Line;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link TextDiff} as unified-diff text, the format of {@code diff -u} and {@code git diff}. */
final class UnifiedDiffText {

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiffText() {
    }

    static String write(TextDiff diff, String oldLabel, String newLabel, int context) {
        var hunks = diff.hunks();
        if (hunks.isEmpty()) {
            return "";
        }
        var out = new StringBuilder();
        out.append("--- ").append(oldLabel).append('\n');
        out.append("+++ ").append(newLabel).append('\n');
        for (var group : groups(hunks, context)) {
            section(out, diff, group, context);
        }
        return out.toString();
    }

    // Changes closer than two contexts share one section, as diff -u does.
    private static List<List<DiffHunk>> groups(List<DiffHunk> hunks, int context) {
        var groups = new ArrayList<List<DiffHunk>>();
        var current = new ArrayList<DiffHunk>();
        for (var hunk : hunks) {
            if (!current.isEmpty() && hunk.oldStart() - current.getLast().oldEnd() > 2 * context) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(hunk);
        }
        groups.add(current);
        return groups;
    }

    private static void section(StringBuilder out, TextDiff diff, List<DiffHunk> group, int context) {
        var oldLines = diff.oldLines();
        var newLines = diff.newLines();
        var first = group.getFirst();
        var last = group.getLast();
        int oldFrom = Math.max(0, first.oldStart() - context);
        int oldTo = Math.min(oldLines.size(), last.oldEnd() + context);
        int newFrom = first.newStart() - (first.oldStart() - oldFrom);
        int newTo = last.newEnd() + (oldTo - last.oldEnd());
        out.append("@@ -").append(range(oldFrom, oldTo - oldFrom)).append(" +").append(range(newFrom, newTo - newFrom))
                .append(" @@\n");
        int oldLine = oldFrom;
        for (var hunk : group) {
            for (; oldLine < hunk.oldStart(); oldLine++) {
                line(out, ' ', oldLines, oldLine);
            }
            for (int i = hunk.oldStart(); i < hunk.oldEnd(); i++) {
                line(out, '-', oldLines, i);
            }
            for (int i = hunk.newStart(); i < hunk.newEnd(); i++) {
                line(out, '+', newLines, i);
            }
            oldLine = hunk.oldEnd();
        }
        for (; oldLine < oldTo; oldLine++) {
            line(out, ' ', oldLines, oldLine);
        }
    }

    private static void line(StringBuilder out, char sign, List<Line> lines, int index) {
        var line = lines.get(index);
        out.append(sign).append(line.text()).append('\n');
        if (!line.terminated()) {
            out.append(NO_NEWLINE);
        }
    }

    // 1-based start, the count left out when it is 1; an empty range names the line before it (0 at the top).
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }
}
