package dev.cyberdevstudio.engine.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryException;
import org.treesitter.TSQueryMatch;

/**
 * A compiled highlight query of one language and the style class of each of its captures.
 *
 * <p>A capture is named after a style class, optionally refined after a dot ({@code @function.method} styles as
 * {@code function}). Two refinements test the captured text, because the library evaluates query predicates
 * against UTF-8 offsets while we parse UTF-16: {@code .caps} applies only to ALL_CAPS names, {@code .known}
 * only to the language's known builtin names. Where captures overlap, the innermost node wins, and among
 * captures of the same node the pattern written first in the query file wins.
 *
 * <p>Immutable once compiled, so one instance serves every document of its language, each through its own cursor.
 */
final class HighlightQuery {

    private static final Pattern ALL_CAPS = Pattern.compile("_*[A-Z][A-Z0-9_]*");

    private enum TextRule { ANY, CAPS, KNOWN }

    private record Capture(int start, int end, int pattern, int style) {
    }

    private static final Comparator<Capture> OUTER_FIRST = Comparator.comparingInt(Capture::start)
            .thenComparing(Comparator.comparingInt(Capture::end).reversed())
            .thenComparingInt(Capture::pattern);

    private final TSQuery query;
    private final int[] styleOfCapture;
    private final TextRule[] ruleOfCapture;
    private final Set<String> knownNames;

    private HighlightQuery(TSQuery query, int[] styleOfCapture, TextRule[] ruleOfCapture, Set<String> knownNames) {
        this.query = query;
        this.styleOfCapture = styleOfCapture;
        this.ruleOfCapture = ruleOfCapture;
        this.knownNames = knownNames;
    }

    /**
     * Compiles {@code source} for {@code language}.
     *
     * @throws IllegalStateException when the query does not compile or names a capture that is no style class:
     *                               a fault of the shipped query file, not of the user's text
     */
    static HighlightQuery compile(TSLanguage language, String name, String source, Set<String> knownNames) {
        TSQuery query;
        try {
            query = new TSQuery(language, source);
        } catch (TSQueryException error) {
            throw new IllegalStateException("Highlight query " + name + " does not compile: " + error.getMessage(),
                    error);
        }
        var captureCount = query.getCaptureCount();
        var styles = new int[captureCount];
        var rules = new TextRule[captureCount];
        for (int id = 0; id < captureCount; id++) {
            var captureName = query.getCaptureNameForId(id);
            var parts = captureName.split("\\.");
            styles[id] = StyleSpan.STYLE_CLASSES.indexOf(parts[0]);
            if (styles[id] < 0) {
                query.close();
                throw new IllegalStateException("Highlight query " + name + " captures @" + captureName
                        + ", which names no style class of " + StyleSpan.STYLE_CLASSES);
            }
            rules[id] = switch (parts[parts.length - 1]) {
                case "caps" -> TextRule.CAPS;
                case "known" -> TextRule.KNOWN;
                default -> TextRule.ANY;
            };
        }
        return new HighlightQuery(query, styles, rules, Set.copyOf(knownNames));
    }

    /** The styled runs of {@code [from, to)}, sorted, non-overlapping and clipped to the range. */
    List<StyleSpan> spans(TSQueryCursor cursor, TSNode root, TextBuffer text, int from, int to) {
        var captures = collect(cursor, root, text, from, to);
        captures.sort(OUTER_FIRST);
        var painted = new byte[to - from];
        Capture previous = null;
        for (var capture : captures) {
            if (previous != null && previous.start() == capture.start() && previous.end() == capture.end()) {
                continue;
            }
            previous = capture;
            var paintFrom = Math.max(capture.start(), from) - from;
            var paintTo = Math.min(capture.end(), to) - from;
            for (int i = paintFrom; i < paintTo; i++) {
                painted[i] = (byte) (capture.style() + 1);
            }
        }
        return runs(painted, from);
    }

    private List<Capture> collect(TSQueryCursor cursor, TSNode root, TextBuffer text, int from, int to) {
        // Tree-sitter counts UTF-16 bytes here: two per char.
        cursor.setByteRange(2 * from, 2 * to);
        cursor.exec(query, root);
        var captures = new ArrayList<Capture>();
        var match = new TSQueryMatch();
        while (cursor.nextCapture(match)) {
            var capture = match.getCaptures()[match.getCaptureIndex()];
            var node = capture.getNode();
            var start = node.getStartByte() / 2;
            var end = Math.min(node.getEndByte() / 2, text.length());
            if (end <= from || start >= to || start >= end) {
                continue;
            }
            var id = capture.getIndex();
            if (accepts(ruleOfCapture[id], text, start, end)) {
                captures.add(new Capture(start, end, match.getPatternIndex(), styleOfCapture[id]));
            }
        }
        return captures;
    }

    private boolean accepts(TextRule rule, TextBuffer text, int start, int end) {
        return switch (rule) {
            case ANY -> true;
            case CAPS -> end - start > 1 && ALL_CAPS.matcher(text.substring(start, end)).matches();
            case KNOWN -> end - start <= 32 && knownNames.contains(text.substring(start, end));
        };
    }

    private static List<StyleSpan> runs(byte[] painted, int from) {
        var spans = new ArrayList<StyleSpan>();
        int i = 0;
        while (i < painted.length) {
            var style = painted[i];
            var runStart = i;
            while (i < painted.length && painted[i] == style) {
                i++;
            }
            if (style != 0) {
                spans.add(new StyleSpan(from + runStart, i - runStart, StyleSpan.STYLE_CLASSES.get(style - 1)));
            }
        }
        return spans;
    }
}
