package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.Objects;
import java.util.Optional;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The part of a range whose styles change. Setting styles on a {@code CodeArea} replaces every paragraph they touch,
 * and the view then rebuilds those lines' text nodes and gutter graphics: after a keystroke almost all of a
 * restyled viewport comes back with the styles it had, so only the span that differs goes to the area.
 */
final class StyleDiff {

    private StyleDiff() {
    }

    /**
     * Where {@code now} differs from {@code before}, as offsets relative to their start; empty when they are the
     * same. Spans of different total length differ from the first char after their common prefix to the end.
     */
    static <S> Optional<TextRange> changed(StyleSpans<S> before, StyleSpans<S> now) {
        int length = now.length();
        int prefix = matching(before, now, false);
        if (prefix >= length && before.length() == length) {
            return Optional.empty();
        }
        if (before.length() != length) {
            return Optional.of(new TextRange(Math.min(prefix, length), length));
        }
        int suffix = matching(before, now, true);
        return Optional.of(new TextRange(prefix, Math.max(prefix, length - suffix)));
    }

    /** How many chars, from the start (or the end), have equal styles in both. */
    private static <S> int matching(StyleSpans<S> a, StyleSpans<S> b, boolean fromEnd) {
        int countA = a.getSpanCount();
        int countB = b.getSpanCount();
        int indexA = 0;
        int indexB = 0;
        int leftA = 0;
        int leftB = 0;
        S styleA = null;
        S styleB = null;
        int matched = 0;
        while (true) {
            while (leftA == 0 && indexA < countA) {
                var span = a.getStyleSpan(fromEnd ? countA - 1 - indexA : indexA);
                indexA++;
                leftA = span.getLength();
                styleA = span.getStyle();
            }
            while (leftB == 0 && indexB < countB) {
                var span = b.getStyleSpan(fromEnd ? countB - 1 - indexB : indexB);
                indexB++;
                leftB = span.getLength();
                styleB = span.getStyle();
            }
            if (leftA == 0 || leftB == 0 || !Objects.equals(styleA, styleB)) {
                return matched;
            }
            int step = Math.min(leftA, leftB);
            matched += step;
            leftA -= step;
            leftB -= step;
        }
    }
}
