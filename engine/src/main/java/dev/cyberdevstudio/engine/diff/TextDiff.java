package dev.cyberdevstudio.engine.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import dev.cyberdevstudio.engine.diff.TextLines.Line;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The line differences between two texts, and what can be done with them: side-by-side and inline rows for a view
 * (with the words that changed inside changed lines), unified-diff text, applying a chosen subset of hunks to the old
 * text (reviewing a change set), and reverting one hunk of the new text back to the old.
 *
 * <pre>{@code
 * var diff = TextDiff.compare(saved, edited);
 * for (var hunk : diff.hunks()) { ... }
 * var reviewed = TextDiff.applySelected(saved, diff.hunks(), Set.of(0, 2));   // hunk 1 rejected
 * }</pre>
 *
 * <p>Lines compare by their characters and whether a separator ends them, not which separator: a file that only
 * went from {@code \r\n} to {@code \n} has no hunks. Texts built from hunks keep the separators of the text they are
 * built on, so a {@code \r\n} file stays one. Immutable and safe to share between threads.
 */
public final class TextDiff {

    private final String oldText;
    private final String newText;
    private final List<Line> oldLines;
    private final List<Line> newLines;
    private final List<DiffHunk> hunks;

    private TextDiff(String oldText, String newText) {
        this.oldText = oldText;
        this.newText = newText;
        this.oldLines = TextLines.split(oldText);
        this.newLines = TextLines.split(newText);
        this.hunks = computeHunks();
    }

    /** Compares {@code oldText} (left, before) with {@code newText} (right, after). */
    public static TextDiff compare(String oldText, String newText) {
        return new TextDiff(Objects.requireNonNull(oldText, "oldText"), Objects.requireNonNull(newText, "newText"));
    }

    public String oldText() {
        return oldText;
    }

    public String newText() {
        return newText;
    }

    /** The changes, in order; each one's {@link DiffHunk#index()} is its place in this list. */
    public List<DiffHunk> hunks() {
        return hunks;
    }

    /** True when the texts have the same lines (they may still differ in line separators). */
    public boolean identical() {
        return hunks.isEmpty();
    }

    public int oldLineCount() {
        return oldLines.size();
    }

    public int newLineCount() {
        return newLines.size();
    }

    // ---------------------------------------------------------------- rows for views

    /** Every line of both texts, aligned: unchanged lines side by side, changes paired up and padded with fillers. */
    public List<SideBySideRow> sideBySide() {
        var rows = new ArrayList<SideBySideRow>(Math.max(oldLines.size(), newLines.size()));
        int oldLine = 0;
        int newLine = 0;
        for (var hunk : hunks) {
            while (oldLine < hunk.oldStart()) {
                rows.add(equalRow(oldLine++, newLine++));
            }
            int pairs = Math.min(hunk.oldCount(), hunk.newCount());
            for (int i = 0; i < hunk.oldCount() || i < hunk.newCount(); i++) {
                if (i < pairs) {
                    var left = hunk.oldLines().get(i);
                    var right = hunk.newLines().get(i);
                    var changes = IntraLine.between(left, right);
                    rows.add(new SideBySideRow(hunk.oldStart() + i, left, hunk.newStart() + i, right,
                            RowKind.CHANGED, hunk.index(), changes.left(), changes.right()));
                } else if (i < hunk.oldCount()) {
                    rows.add(new SideBySideRow(hunk.oldStart() + i, hunk.oldLines().get(i), -1, "",
                            RowKind.DELETED, hunk.index(), List.of(), List.of()));
                } else {
                    rows.add(new SideBySideRow(-1, "", hunk.newStart() + i, hunk.newLines().get(i),
                            RowKind.ADDED, hunk.index(), List.of(), List.of()));
                }
            }
            oldLine = hunk.oldEnd();
            newLine = hunk.newEnd();
        }
        while (oldLine < oldLines.size()) {
            rows.add(equalRow(oldLine++, newLine++));
        }
        return rows;
    }

    /** Every line once, as a unified diff shows it: a changed hunk's old lines, then its new ones. */
    public List<InlineRow> inline() {
        var rows = new ArrayList<InlineRow>(Math.max(oldLines.size(), newLines.size()));
        int oldLine = 0;
        int newLine = 0;
        for (var hunk : hunks) {
            while (oldLine < hunk.oldStart()) {
                rows.add(new InlineRow(oldLine, newLine, oldLines.get(oldLine).text(), RowKind.EQUAL, -1,
                        List.of()));
                oldLine++;
                newLine++;
            }
            int pairs = Math.min(hunk.oldCount(), hunk.newCount());
            var changes = new ArrayList<IntraLine.Changes>(pairs);
            for (int i = 0; i < pairs; i++) {
                changes.add(IntraLine.between(hunk.oldLines().get(i), hunk.newLines().get(i)));
            }
            for (int i = 0; i < hunk.oldCount(); i++) {
                rows.add(new InlineRow(hunk.oldStart() + i, -1, hunk.oldLines().get(i), RowKind.DELETED,
                        hunk.index(), i < pairs ? changes.get(i).left() : List.of()));
            }
            for (int i = 0; i < hunk.newCount(); i++) {
                rows.add(new InlineRow(-1, hunk.newStart() + i, hunk.newLines().get(i), RowKind.ADDED,
                        hunk.index(), i < pairs ? changes.get(i).right() : List.of()));
            }
            oldLine = hunk.oldEnd();
            newLine = hunk.newEnd();
        }
        while (oldLine < oldLines.size()) {
            rows.add(new InlineRow(oldLine, newLine, oldLines.get(oldLine).text(), RowKind.EQUAL, -1, List.of()));
            oldLine++;
            newLine++;
        }
        return rows;
    }

    /**
     * The diff as unified-diff text ({@code diff -u}, {@code git diff}): {@code context} unchanged lines around each
     * change, nearby changes grouped into one {@code @@} section, "\ No newline at end of file" where a text ends
     * without one. Empty when the texts have the same lines.
     */
    public String unified(String oldLabel, String newLabel, int context) {
        return UnifiedDiffText.write(this, oldLabel, newLabel, Math.max(0, context));
    }

    List<Line> oldLines() {
        return oldLines;
    }

    List<Line> newLines() {
        return newLines;
    }

    // ---------------------------------------------------------------- applying and reverting

    /**
     * Builds the text a review produces: {@code oldText} with the hunks whose index is in {@code accepted} applied
     * and every other hunk left out. The hunks must come from a diff of {@code oldText}; lines in between keep
     * their separators, and added lines take the separator of {@code oldText}.
     *
     * @throws HunkMismatchException when {@code oldText} does not hold the old lines of an accepted hunk
     */
    public static String applySelected(String oldText, List<DiffHunk> hunks, Collection<Integer> accepted) {
        var chosen = Set.copyOf(accepted);
        var lines = TextLines.split(oldText);
        var separator = TextLines.separatorOf(oldText);
        var out = new StringBuilder(oldText.length() + 64);
        int cursor = 0;
        var ordered = hunks.stream().filter(hunk -> chosen.contains(hunk.index()))
                .sorted(Comparator.comparingInt(DiffHunk::oldStart)).toList();
        for (var hunk : ordered) {
            if (hunk.oldStart() < cursor) {
                throw new HunkMismatchException("Hunk " + (hunk.index() + 1) + " overlaps an earlier hunk");
            }
            expect(lines, hunk.oldStart(), hunk.oldLines(), hunk, "old");
            TextLines.append(out, lines.subList(cursor, hunk.oldStart()));
            TextLines.appendLines(out, hunk.newLines(), separator, hunk.newEndsWithoutNewline());
            cursor = hunk.oldEnd();
        }
        TextLines.append(out, lines.subList(cursor, lines.size()));
        return out.toString();
    }

    /** {@code newText} with {@code hunk} put back the way the old text had it. */
    public static String revert(String newText, DiffHunk hunk) {
        return revertReplacement(newText, hunk).applyTo(newText);
    }

    /**
     * The one replacement in {@code newText} that puts {@code hunk} back the way the old text had it, for an editor
     * to apply as a single undoable edit. Restored lines take the separator of {@code newText}.
     *
     * @throws HunkMismatchException when {@code newText} does not hold the hunk's new lines where the hunk says
     */
    public static TextReplacement revertReplacement(String newText, DiffHunk hunk) {
        var lines = TextLines.split(newText);
        expect(lines, hunk.newStart(), hunk.newLines(), hunk, "new");
        int start = TextLines.offsetOf(lines, hunk.newStart());
        int end = TextLines.offsetOf(lines, hunk.newEnd());
        var replacement = new StringBuilder();
        TextLines.appendLines(replacement, hunk.oldLines(), TextLines.separatorOf(newText),
                hunk.oldEndsWithoutNewline());
        return new TextReplacement(start, end, replacement.toString());
    }

    private static void expect(List<Line> lines, int start, List<String> expected, DiffHunk hunk, String side) {
        if (start + expected.size() > lines.size()) {
            throw new HunkMismatchException("Hunk " + (hunk.index() + 1) + " expects " + side + " lines "
                    + (start + 1) + "\u2013" + (start + expected.size()) + " but the text has only " + lines.size()
                    + " lines: it changed since the diff was made.");
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!lines.get(start + i).text().equals(expected.get(i))) {
                throw new HunkMismatchException("Hunk " + (hunk.index() + 1) + " expects line " + (start + i + 1)
                        + " to read \"" + abbreviate(expected.get(i)) + "\" but it reads \""
                        + abbreviate(lines.get(start + i).text()) + "\": the text changed since the diff was made.");
            }
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    // ---------------------------------------------------------------- computing

    private SideBySideRow equalRow(int oldLine, int newLine) {
        return new SideBySideRow(oldLine, oldLines.get(oldLine).text(), newLine, newLines.get(newLine).text(),
                RowKind.EQUAL, -1, List.of(), List.of());
    }

    // The common start and end are cut off first: an edit in a large file then diffs only the few lines around it.
    private List<DiffHunk> computeHunks() {
        int prefix = 0;
        int limit = Math.min(oldLines.size(), newLines.size());
        while (prefix < limit && oldLines.get(prefix).sameAs(newLines.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix && oldLines.get(oldLines.size() - 1 - suffix)
                .sameAs(newLines.get(newLines.size() - 1 - suffix))) {
            suffix++;
        }
        var oldMiddle = oldLines.subList(prefix, oldLines.size() - suffix);
        var newMiddle = newLines.subList(prefix, newLines.size() - suffix);
        if (oldMiddle.isEmpty() && newMiddle.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<DiffHunk>();
        if (oldMiddle.isEmpty() || newMiddle.isEmpty()) {
            result.add(hunk(0, prefix, oldMiddle.size(), prefix, newMiddle.size()));
            return List.copyOf(result);
        }
        // The linear-space Myers keeps memory bounded for large, very different texts; it reports a replacement as
        // a deletion next to an insertion, which are joined here into one changed hunk.
        var patch = DiffUtils.diff(oldMiddle, newMiddle, new MyersDiffWithLinearSpace<Line>(Line::sameAs));
        int[] open = null;
        for (var delta : patch.getDeltas()) {
            int oldStart = prefix + delta.getSource().getPosition();
            int newStart = prefix + delta.getTarget().getPosition();
            int oldCount = delta.getSource().size();
            int newCount = delta.getTarget().size();
            if (open != null && open[0] + open[1] == oldStart && open[2] + open[3] == newStart) {
                open[1] += oldCount;
                open[3] += newCount;
                continue;
            }
            if (open != null) {
                result.add(hunk(result.size(), open[0], open[1], open[2], open[3]));
            }
            open = new int[] {oldStart, oldCount, newStart, newCount};
        }
        if (open != null) {
            result.add(hunk(result.size(), open[0], open[1], open[2], open[3]));
        }
        return List.copyOf(result);
    }

    private DiffHunk hunk(int index, int oldStart, int oldCount, int newStart, int newCount) {
        var kind = oldCount == 0 ? DiffHunk.Kind.ADDED : newCount == 0 ? DiffHunk.Kind.DELETED : DiffHunk.Kind.CHANGED;
        boolean oldOpenEnd = oldCount > 0 && oldStart + oldCount == oldLines.size()
                && TextLines.endsUnterminated(oldLines);
        boolean newOpenEnd = newCount > 0 && newStart + newCount == newLines.size()
                && TextLines.endsUnterminated(newLines);
        return new DiffHunk(index, oldStart, oldCount, newStart, newCount,
                TextLines.texts(oldLines.subList(oldStart, oldStart + oldCount)),
                TextLines.texts(newLines.subList(newStart, newStart + newCount)), kind, oldOpenEnd, newOpenEnd);
    }
}
