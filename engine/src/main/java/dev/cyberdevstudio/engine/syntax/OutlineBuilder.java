package dev.cyberdevstudio.engine.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Collects the symbols the language rules find in a tree and turns them into {@link OutlineSymbol}s. Tree-sitter
 * counts in bytes of the UTF-16LE text a {@link SyntaxDocument} feeds it, so every byte offset is twice the Java
 * char offset. Each call into the tree crosses JNI, which costs microseconds through this binding: lines and
 * columns come from the text's own line index instead of the nodes' points.
 */
final class OutlineBuilder {

    /** Deeper nesting than this is not walked: a generated file could otherwise exhaust the stack. */
    static final int MAX_DEPTH = 48;
    private static final int MAX_NAME_CHARS = 120;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A symbol being collected; children are added while its body is walked. */
    static final class Draft {
        private final String name;
        private final SymbolKind kind;
        private final int startChar;
        private final int endChar;
        private final TextPoint start;
        private final TextPoint end;
        private final TextPoint nameStart;
        private final int depth;
        private final List<Draft> children = new ArrayList<>();

        private Draft(String name, SymbolKind kind, int startChar, int endChar, TextPoint start, TextPoint end,
                      TextPoint nameStart, int depth) {
            this.name = name;
            this.kind = kind;
            this.startChar = startChar;
            this.endChar = endChar;
            this.start = start;
            this.end = end;
            this.nameStart = nameStart;
            this.depth = depth;
        }

        int depth() {
            return depth;
        }

        SymbolKind kind() {
            return kind;
        }
    }

    private final TextBuffer text;
    private final NodeTypes types;
    private final List<Draft> roots = new ArrayList<>();

    OutlineBuilder(TextBuffer text, NodeTypes types) {
        this.text = text;
        this.types = types;
    }

    /**
     * Adds a symbol declared by {@code declaration} and named by {@code nameNode}, under {@code parent} (null for
     * the top level); returns null, adding nothing, when there is no name.
     */
    Draft add(Draft parent, SymbolKind kind, TSNode declaration, TSNode nameNode) {
        if (nameNode == null || nameNode.isNull()) {
            return null;
        }
        var nameStart = start(nameNode);
        var name = oneLine(text.substring(nameStart, end(nameNode)));
        if (name.isEmpty()) {
            return null;
        }
        var start = start(declaration);
        var end = end(declaration);
        return add(parent, kind, name, start, end, point(start), point(end), point(nameStart));
    }

    /** Adds a symbol whose extent the rules computed themselves (a Markdown section). */
    Draft add(Draft parent, SymbolKind kind, String name, int startChar, int endChar, TextPoint start, TextPoint end,
              TextPoint nameStart) {
        var draft = new Draft(name, kind, startChar, Math.max(startChar, endChar), start, end, nameStart,
                parent == null ? 0 : parent.depth + 1);
        (parent == null ? roots : parent.children).add(draft);
        return draft;
    }

    /** Whether a symbol under {@code parent} may still hold children. */
    static boolean mayDescend(Draft parent) {
        return parent == null || parent.depth < MAX_DEPTH;
    }

    /** The named children of {@code node}, walked with a cursor: asking for child i costs O(i) in tree-sitter. */
    List<TSNode> children(TSNode node) {
        var children = new ArrayList<TSNode>();
        if (node == null || node.isNull()) {
            return children;
        }
        try (var cursor = new TSTreeCursor(node)) {
            if (!cursor.gotoFirstChild()) {
                return children;
            }
            do {
                var child = cursor.currentNode();
                if (!types.type(child).isEmpty()) {
                    children.add(child);
                }
            } while (cursor.gotoNextSibling());
        }
        return children;
    }

    /** The child in {@code field}, or null. */
    TSNode field(TSNode node, String field) {
        return types.field(node, field);
    }

    /** The type of a named node; "" for a keyword or punctuation. */
    String type(TSNode node) {
        return types.type(node);
    }

    /** The first named child of type {@code type}, or null. */
    TSNode childOfType(TSNode node, String type) {
        for (var child : children(node)) {
            if (type.equals(type(child))) {
                return child;
            }
        }
        return null;
    }

    String text(TSNode node) {
        return text.substring(start(node), end(node));
    }

    /** The line and column of a char offset. */
    TextPoint point(int offset) {
        var point = text.point(Math.min(offset, text.length()));
        return new TextPoint(point.getRow(), point.getColumn() / 2);
    }

    /** The char offset where {@code node} starts. */
    static int start(TSNode node) {
        return node.getStartByte() / 2;
    }

    /** The char offset where {@code node} ends. */
    static int end(TSNode node) {
        return node.getEndByte() / 2;
    }

    /** The outline, children in text order. */
    List<OutlineSymbol> build() {
        return finish(roots);
    }

    private static List<OutlineSymbol> finish(List<Draft> drafts) {
        return drafts.stream()
                .sorted(Comparator.comparingInt((Draft draft) -> draft.startChar))
                .map(draft -> new OutlineSymbol(draft.name, draft.kind, draft.depth,
                        new TextRange(draft.startChar, draft.endChar), draft.start, draft.end, draft.nameStart,
                        finish(draft.children)))
                .toList();
    }

    /** Whitespace runs become one space, and a very long name is cut: a list row shows one line. */
    static String oneLine(String raw) {
        var stripped = raw.strip();
        var collapsed = stripped.chars().anyMatch(Character::isWhitespace)
                ? WHITESPACE.matcher(stripped).replaceAll(" ") : stripped;
        return collapsed.length() <= MAX_NAME_CHARS ? collapsed : collapsed.substring(0, MAX_NAME_CHARS - 1) + "…";
    }
}
