package dev.cyberdevstudio.engine.agents.security;

import java.util.BitSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TreeSitterBash;
import org.treesitter.TreeSitterJava;
import org.treesitter.TreeSitterJavascript;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterTypescript;

/**
 * Which chars of a file are comments and which are string literals. Rules look for calls only in code, so that a
 * commented-out {@code eval(x)} or the text {@code "use exec() carefully"} raises nothing. Languages with a
 * tree-sitter grammar in the engine get the exact answer from the syntax tree; Go (no grammar bundled) and
 * configuration files get a small lexer.
 */
final class CodeRegions {

    private static final Logger LOG = LoggerFactory.getLogger(CodeRegions.class);
    private static final Map<FileKind, Grammar> GRAMMARS = new ConcurrentHashMap<>();

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
        return grammarOf(kind).flatMap(grammar -> fromSyntaxTree(kind, grammar, text))
                .orElseGet(() -> lex(kind, text));
    }

    /** One grammar and query per kind, shared: both are immutable once built. */
    private record Grammar(TSLanguage language, TSQuery query) {
    }

    private static Optional<Grammar> grammarOf(FileKind kind) {
        return switch (kind) {
            case JAVA, PYTHON, JAVASCRIPT, TYPESCRIPT, SHELL -> Optional.of(GRAMMARS.computeIfAbsent(kind,
                    CodeRegions::load));
            default -> Optional.empty();
        };
    }

    private static Grammar load(FileKind kind) {
        TSLanguage language = switch (kind) {
            case JAVA -> new TreeSitterJava();
            case PYTHON -> new TreeSitterPython();
            case JAVASCRIPT -> new TreeSitterJavascript();
            case TYPESCRIPT -> new TreeSitterTypescript();
            case SHELL -> new TreeSitterBash();
            default -> throw new IllegalArgumentException("No grammar for " + kind);
        };
        var query = switch (kind) {
            case JAVA -> "(line_comment) @comment (block_comment) @comment (string_literal) @string"
                    + " (character_literal) @string";
            case PYTHON -> "(comment) @comment (string) @string (interpolation) @code";
            case JAVASCRIPT, TYPESCRIPT -> "(comment) @comment (string) @string (template_string) @string"
                    + " (regex) @string (template_substitution) @code";
            default -> "(comment) @comment (string) @string (raw_string) @string (ansi_c_string) @string"
                    + " (heredoc_body) @string";
        };
        return new Grammar(language, new TSQuery(language, query));
    }

    /**
     * Asks the syntax tree for comment and string nodes; placeholders inside strings (f-string fields, template
     * substitutions) are code again. A query does the walk natively: visiting every node from Java costs a few
     * microseconds a node. Tree-sitter counts UTF-8 bytes; they are mapped back to Java chars.
     */
    private static Optional<CodeRegions> fromSyntaxTree(FileKind kind, Grammar grammar, String text) {
        var comments = new BitSet(text.length());
        var strings = new BitSet(text.length());
        var offsets = Utf8Offsets.of(text);
        try (var parser = new TSParser()) {
            if (!parser.setLanguage(grammar.language())) {
                return Optional.empty();
            }
            // UTF-8 input: the binding's UTF-16 path copies char by char and parses some 30 times slower.
            var tree = parser.parseString(null, text);
            if (tree == null) {
                return Optional.empty();
            }
            try (tree; var cursor = new TSQueryCursor()) {
                cursor.exec(grammar.query(), tree.getRootNode());
                var match = new TSQueryMatch();
                while (cursor.nextCapture(match)) {
                    var capture = match.getCaptures()[match.getCaptureIndex()];
                    var node = capture.getNode();
                    int start = offsets.charAt(node.getStartByte());
                    int end = offsets.charAt(node.getEndByte());
                    switch (grammar.query().getCaptureNameForId(capture.getIndex())) {
                        case "comment" -> comments.set(start, end);
                        case "string" -> strings.set(start, end);
                        default -> strings.clear(start, end);
                    }
                }
            }
            return Optional.of(new CodeRegions(comments, strings));
        } catch (RuntimeException | UnsatisfiedLinkError error) {
            // A grammar that fails to load must not stop a scan: the lexer's answer is nearly as good.
            LOG.warn("Tree-sitter could not parse {} text, falling back to the lexer: {}", kind, error.getMessage());
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

    /** Maps UTF-8 byte offsets of a text to its char offsets; the identity for ASCII text. */
    private record Utf8Offsets(int[] charAtByte, int length) {

        static Utf8Offsets of(String text) {
            if (text.chars().allMatch(c -> c < 0x80)) {
                return new Utf8Offsets(null, text.length());
            }
            var map = new int[text.length() * 3 + 1];
            int bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int width = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4
                        : Character.isLowSurrogate(c) ? 0 : 3;
                for (int b = 0; b < width; b++) {
                    map[bytes + b] = i;
                }
                bytes += width;
            }
            map[bytes] = text.length();
            return new Utf8Offsets(map, text.length());
        }

        int charAt(int byteOffset) {
            if (charAtByte == null) {
                return Math.min(byteOffset, length);
            }
            return byteOffset < charAtByte.length ? charAtByte[byteOffset] : length;
        }
    }
}
