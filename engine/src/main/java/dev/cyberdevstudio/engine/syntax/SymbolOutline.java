package dev.cyberdevstudio.engine.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The symbols a file declares, from its tree-sitter tree: classes, interfaces, enums, records, methods,
 * constructors and fields of Java; classes, functions and methods of Python; functions, classes, methods,
 * interfaces, enums and type aliases of JavaScript and TypeScript; the headings of Markdown; the keys of JSON and
 * YAML. Other languages have an empty outline.
 *
 * <pre>{@code
 * var outline = document.outline();                  // reuses an open SyntaxDocument's tree
 * var outline = SymbolOutline.of(Language.PYTHON, text); // or parses the text once
 * outline.flat();                                    // every symbol, in text order, each with its depth
 * outline.enclosing(caretOffset);                    // [class Big, method compute]: breadcrumbs
 * }</pre>
 *
 * <p>Only declarations are walked, never the statements inside a method's body, so an outline of a 100k-line file
 * costs a few milliseconds once its tree is there. An outline is immutable and safe to share between threads.
 */
public final class SymbolOutline {

    private static final int OVERLAP_LOOK_BACK = 8;

    private final Language language;
    private final List<OutlineSymbol> symbols;
    private final List<OutlineSymbol> flat;

    SymbolOutline(Language language, List<OutlineSymbol> symbols) {
        this.language = language;
        this.symbols = List.copyOf(symbols);
        var all = new ArrayList<OutlineSymbol>();
        addAll(this.symbols, all);
        this.flat = List.copyOf(all);
    }

    /**
     * Parses {@code text} and reads its outline; for a file open in the editor prefer {@link SyntaxDocument#outline()},
     * which reuses the tree the highlighter keeps.
     *
     * @throws IllegalStateException when the language's grammar cannot be loaded
     */
    public static SymbolOutline of(Language language, String text) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        try (var document = SyntaxDocument.open(language, text)) {
            return document.outline();
        }
    }

    public Language language() {
        return language;
    }

    /** The top-level symbols, each holding its children. */
    public List<OutlineSymbol> symbols() {
        return symbols;
    }

    /** Every symbol, parents before their children, in text order. */
    public List<OutlineSymbol> flat() {
        return flat;
    }

    public boolean isEmpty() {
        return symbols.isEmpty();
    }

    /**
     * The symbols around {@code offset}, outermost first: {@code [class Big, method compute]} for a caret inside
     * {@code compute}; empty outside every symbol.
     */
    public List<OutlineSymbol> enclosing(int offset) {
        var chain = new ArrayList<OutlineSymbol>();
        var level = symbols;
        while (true) {
            var inside = innermostStartingBefore(level, offset);
            if (inside == null) {
                return List.copyOf(chain);
            }
            chain.add(inside);
            level = inside.children();
        }
    }

    /** Of {@code siblings}, sorted by start, the last one that starts at or before {@code offset} and holds it. */
    private static OutlineSymbol innermostStartingBefore(List<OutlineSymbol> siblings, int offset) {
        int low = 0;
        int high = siblings.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (siblings.get(mid).range().start() <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        // Siblings may share a range (two fields of one declaration) or, after error recovery, overlap: look back a
        // little rather than trust the nearest one alone.
        for (int i = found; i >= 0 && i > found - OVERLAP_LOOK_BACK; i--) {
            var candidate = siblings.get(i);
            if (candidate.contains(offset)) {
                return candidate;
            }
        }
        return null;
    }

    private static void addAll(List<OutlineSymbol> level, List<OutlineSymbol> into) {
        for (var symbol : level) {
            into.add(symbol);
            addAll(symbol.children(), into);
        }
    }
}
