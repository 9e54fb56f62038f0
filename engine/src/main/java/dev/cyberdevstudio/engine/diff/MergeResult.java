package dev.cyberdevstudio.engine.diff;

import dev.cyberdevstudio.engine.diff.TextLines.Line;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ThreeWayMerge} produced: the merged text, with git-style conflict markers around each block both
 * sides changed differently, and those blocks as {@link MergeConflict}s. A clean merge has none. A conflicted one can
 * be settled without markers by choosing a {@link Resolution} for each conflict.
 */
public final class MergeResult {

    /** How to settle one conflict. */
    public enum Resolution {
        /** Keep our lines. */
        OURS,
        /** Keep their lines. */
        THEIRS,
        /** Keep our lines followed by theirs. */
        OURS_THEN_THEIRS,
        /** Keep the lines as the common ancestor had them. */
        BASE
    }

    sealed interface Segment {
    }

    record Stable(List<Line> lines) implements Segment {
    }

    record Conflicted(List<Line> base, List<Line> ours, List<Line> theirs) implements Segment {
    }

    private final List<Segment> segments;
    private final String separator;
    private final String oursLabel;
    private final String theirsLabel;
    private final String text;
    private final List<MergeConflict> conflicts;

    MergeResult(List<Segment> segments, String separator, String oursLabel, String theirsLabel) {
        this.segments = List.copyOf(segments);
        this.separator = separator;
        this.oursLabel = oursLabel;
        this.theirsLabel = theirsLabel;
        var conflictList = new ArrayList<MergeConflict>();
        this.text = render(conflictList);
        this.conflicts = List.copyOf(conflictList);
    }

    /** The merged text; conflicts appear between {@code <<<<<<<}, {@code =======} and {@code >>>>>>>} lines. */
    public String text() {
        return text;
    }

    public List<MergeConflict> conflicts() {
        return conflicts;
    }

    /** True when no lines were changed differently on both sides: {@link #text()} has no markers. */
    public boolean clean() {
        return conflicts.isEmpty();
    }

    /** The merged text with every conflict settled the same way. */
    public String resolveAll(Resolution resolution) {
        return resolve(Collections.nCopies(conflicts.size(), Objects.requireNonNull(resolution)));
    }

    /** The merged text with conflict {@code i} settled by {@code resolutions.get(i)}. */
    public String resolve(List<Resolution> resolutions) {
        if (resolutions.size() != conflicts.size()) {
            throw new IllegalArgumentException("The merge has " + conflicts.size() + " conflicts but "
                    + resolutions.size() + " resolutions were given");
        }
        var out = new StringBuilder(text.length());
        int next = 0;
        for (var segment : segments) {
            switch (segment) {
                case Stable stable -> TextLines.append(out, stable.lines());
                case Conflicted conflict -> {
                    switch (resolutions.get(next++)) {
                        case OURS -> TextLines.append(out, conflict.ours());
                        case THEIRS -> TextLines.append(out, conflict.theirs());
                        case BASE -> TextLines.append(out, conflict.base());
                        case OURS_THEN_THEIRS -> {
                            appendTerminated(out, conflict.ours(), conflict.theirs().isEmpty());
                            TextLines.append(out, conflict.theirs());
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    private String render(List<MergeConflict> found) {
        var out = new StringBuilder();
        int line = 0;
        for (var segment : segments) {
            switch (segment) {
                case Stable stable -> {
                    TextLines.append(out, stable.lines());
                    line += stable.lines().size();
                }
                case Conflicted conflict -> {
                    int start = line;
                    out.append("<<<<<<< ").append(oursLabel).append(separator);
                    appendTerminated(out, conflict.ours(), false);
                    out.append("=======").append(separator);
                    appendTerminated(out, conflict.theirs(), false);
                    out.append(">>>>>>> ").append(theirsLabel).append(separator);
                    line += 3 + conflict.ours().size() + conflict.theirs().size();
                    found.add(new MergeConflict(found.size(), start, line, TextLines.texts(conflict.base()),
                            TextLines.texts(conflict.ours()), TextLines.texts(conflict.theirs())));
                }
            }
        }
        return out.toString();
    }

    // A last line without separator needs one when more lines follow it.
    private void appendTerminated(StringBuilder out, List<Line> lines, boolean lastMayStayOpen) {
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            boolean open = !line.terminated() && !(lastMayStayOpen && i == lines.size() - 1);
            out.append(line.text()).append(open ? separator : line.separator());
        }
    }
}
