package dev.cyberdevstudio.app.search;

import java.util.ArrayList;
import java.util.List;

/** Text cut into runs that are highlighted or not, for showing matched characters. */
public record HighlightedText(List<Run> runs) {

    /** A piece of the text. */
    public record Run(String text, boolean highlighted) {
    }

    public HighlightedText {
        runs = List.copyOf(runs);
    }

    /** {@code text} with the characters at {@code positions} (ascending, relative to the text) highlighted. */
    public static HighlightedText ofPositions(String text, int[] positions) {
        var runs = new ArrayList<Run>();
        var start = 0;
        var i = 0;
        while (i < positions.length) {
            var from = positions[i];
            var to = from + 1;
            while (i + 1 < positions.length && positions[i + 1] == to) {
                i++;
                to++;
            }
            i++;
            if (from < start || to > text.length()) {
                continue;
            }
            if (from > start) {
                runs.add(new Run(text.substring(start, from), false));
            }
            runs.add(new Run(text.substring(from, to), true));
            start = to;
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), false));
        }
        return new HighlightedText(runs);
    }

    /** {@code text} with the given ranges ({@code [start, end)} pairs, ascending) highlighted. */
    public static HighlightedText ofRanges(String text, List<int[]> ranges) {
        var runs = new ArrayList<Run>();
        var start = 0;
        for (var range : ranges) {
            var from = Math.max(range[0], start);
            var to = Math.min(range[1], text.length());
            if (to <= from) {
                continue;
            }
            if (from > start) {
                runs.add(new Run(text.substring(start, from), false));
            }
            runs.add(new Run(text.substring(from, to), true));
            start = to;
        }
        if (start < text.length()) {
            runs.add(new Run(text.substring(start), false));
        }
        return new HighlightedText(runs);
    }

    /** The whole text. */
    public String text() {
        var text = new StringBuilder();
        runs.forEach(run -> text.append(run.text()));
        return text.toString();
    }
}
