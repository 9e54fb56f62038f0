package dev.cyberdevstudio.engine.agents.security;

import dev.cyberdevstudio.engine.syntax.Language;
import dev.cyberdevstudio.engine.syntax.SyntaxDocument;
import java.util.BitSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which chars of a file are comments and which are string literals. Rules look for calls only in code, so that a
 * commented-out {@code eval(x)} or the text {@code "use exec() carefully"} raises nothing. Languages with a
 * tree-sitter grammar get the exact answer from the syntax tree; Go and configuration files get a small lexer.
 */
final class CodeRegions {

    private static final Logger LOG = LoggerFactory.getLogger(CodeRegions.class);

    private final BitSet comments;
    private final BitSet strings;

    private CodeRegions(BitSet comments, BitSet strings) {
        this.comments = comments;
        this.strings = strings;
    }

    boolean isComment(int offset) {
        return comments.get(offset);
    }

    boolean isString(int offset) {
        return strings.get(offset);
    }

    static CodeRegions of(FileKind kind, String text) {
        return grammarOf(kind).flatMap(language -> fromSyntaxTree(language, text))
                .orElseGet(() -> lex(kind, text));
    }

    private static Optional<Language> grammarOf(FileKind kind) {
        return Optional.ofNullable(switch (kind) {
            case JAVA -> Language.JAVA;
            case PYTHON -> Language.PYTHON;
            case JAVASCRIPT -> Language.JAVASCRIPT;
            case TYPESCRIPT -> Language.TYPESCRIPT;
            case SHELL -> Language.BASH;
            default -> null;
        });
    }

    private static Optional<CodeRegions> fromSyntaxTree(Language language, String text) {
        var comments = new BitSet(text.length());
        var strings = new BitSet(text.length());
        try (var document = SyntaxDocument.open(language, text)) {
            for (var span : document.spans(0, text.length())) {
                switch (span.styleClass()) {
                    case "comment" -> comments.set(span.start(), span.end());
                    case "string", "escape" -> strings.set(span.start(), span.end());
                    default -> { }
                }
            }
            return Optional.of(new CodeRegions(comments, strings));
        } catch (RuntimeException error) {
            // A grammar that fails to load must not stop a scan: the lexer's answer is nearly as good.
            LOG.warn("Tree-sitter could not parse {} text, falling back to the lexer: {}", language.displayName(),
                    error.getMessage());
            return Optional.empty();
        }
    }

    /** A lexer that knows only comments and one-line strings (plus Go's and JavaScript's back-quoted ones). */
    static CodeRegions lex(FileKind kind, String text) {
        var comments = new BitSet(text.length());
        var strings = new BitSet(text.length());
        var style = kind.comments();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (style == FileKind.Comments.C_LIKE && c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = markUntil(comments, i, lineEnd(text, i));
            } else if (style == FileKind.Comments.C_LIKE && c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                var end = text.indexOf("*/", i + 2);
                i = markUntil(comments, i, end < 0 ? n : end + 2);
            } else if (style == FileKind.Comments.XML && text.startsWith("<!--", i)) {
                var end = text.indexOf("-->", i + 4);
                i = markUntil(comments, i, end < 0 ? n : end + 3);
            } else if (style == FileKind.Comments.HASH && c == '#' && (i == 0 || isBlank(text.charAt(i - 1)))) {
                i = markUntil(comments, i, lineEnd(text, i));
            } else if (c == '"' || c == '\'' || (c == '`' && style == FileKind.Comments.C_LIKE)) {
                i = markUntil(strings, i, stringEnd(text, i, c));
            } else {
                i++;
            }
        }
        return new CodeRegions(comments, strings);
    }

    private static int markUntil(BitSet set, int from, int to) {
        set.set(from, to);
        return Math.max(to, from + 1);
    }

    private static int lineEnd(String text, int from) {
        var end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** Just past the closing quote; an unclosed quote ends at the line's end (back quotes may span lines). */
    private static int stringEnd(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            if (c == '\n' && quote != '`') {
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
