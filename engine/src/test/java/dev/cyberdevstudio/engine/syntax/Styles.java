package dev.cyberdevstudio.engine.syntax;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads spans back as "which style does this piece of text carry". */
final class Styles {

    static final String NONE = "(none)";

    private Styles() {
    }

    /** The style classes over {@code [start, end)}, in order, with {@link #NONE} for unstyled chars. */
    static Set<String> over(List<StyleSpan> spans, int start, int end) {
        var found = new LinkedHashSet<String>();
        for (int offset = start; offset < end; offset++) {
            found.add(at(spans, offset));
        }
        return found;
    }

    static String at(List<StyleSpan> spans, int offset) {
        for (var span : spans) {
            if (span.start() <= offset && offset < span.end()) {
                return span.styleClass();
            }
        }
        return NONE;
    }

    /** The one style class of the {@code occurrence}-th (from 0) appearance of {@code token} in the document. */
    static String of(SyntaxDocument document, String token, int occurrence) {
        var text = document.text();
        var start = -1;
        for (int i = 0; i <= occurrence; i++) {
            start = text.indexOf(token, start + 1);
            if (start < 0) {
                throw new AssertionError("'" + token + "' appears fewer than " + (occurrence + 1) + " times");
            }
        }
        var classes = over(document.spans(0, text.length()), start, start + token.length());
        if (classes.size() != 1) {
            throw new AssertionError("'" + token + "' carries several styles: " + classes);
        }
        return classes.iterator().next();
    }

    static String of(SyntaxDocument document, String token) {
        return of(document, token, 0);
    }

    /** The one style class of {@code token} where it first appears within the first {@code context}. */
    static String within(SyntaxDocument document, String context, String token) {
        var text = document.text();
        var contextStart = text.indexOf(context);
        var start = text.indexOf(token, contextStart);
        if (contextStart < 0 || start < 0 || start + token.length() > contextStart + context.length()) {
            throw new AssertionError("'" + token + "' does not appear within '" + context + "'");
        }
        var classes = over(document.spans(0, text.length()), start, start + token.length());
        if (classes.size() != 1) {
            throw new AssertionError("'" + token + "' in '" + context + "' carries several styles: " + classes);
        }
        return classes.iterator().next();
    }
}
