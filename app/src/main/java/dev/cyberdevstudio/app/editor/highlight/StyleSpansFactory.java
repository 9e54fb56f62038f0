package dev.cyberdevstudio.app.editor.highlight;

import dev.cyberdevstudio.engine.syntax.StyleSpan;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** Turns the engine's sparse spans of a range into RichTextFX style spans that cover the range exactly. */
final class StyleSpansFactory {

    private StyleSpansFactory() {
    }

    /**
     * Style spans for {@code [from, to)}: each engine span's class, no class between them.
     *
     * @param spans sorted, non-overlapping and within the range, as the engine returns them
     */
    static StyleSpans<Collection<String>> of(List<StyleSpan> spans, int from, int to) {
        var builder = new StyleSpansBuilder<Collection<String>>(2 * spans.size() + 1);
        var position = from;
        for (var span : spans) {
            if (span.start() > position) {
                builder.add(List.of(), span.start() - position);
            }
            builder.add(List.of(span.styleClass()), span.length());
            position = span.end();
        }
        if (to > position || position == from) {
            builder.add(List.of(), to - position);
        }
        return builder.create();
    }
}
