package dev.cyberdevstudio.engine.syntax;

import java.util.List;
import java.util.Objects;

/**
 * One declaration of a file's outline: a class, a method, a heading, a key.
 *
 * @param name      what it is called, on one line ({@code compute}, {@code Getting started})
 * @param kind      what it declares
 * @param depth     0 at the top of the file, one more per enclosing symbol
 * @param range     the chars of the whole declaration, body included
 * @param start     where the declaration starts (its annotations and modifiers included)
 * @param end       where it ends
 * @param nameStart where its name starts: where a jump to the symbol puts the caret
 * @param children  the symbols declared directly inside it, in text order
 */
public record OutlineSymbol(String name, SymbolKind kind, int depth, TextRange range, TextPoint start, TextPoint end,
                            TextPoint nameStart, List<OutlineSymbol> children) {

    public OutlineSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(nameStart, "nameStart");
        children = List.copyOf(children);
        if (depth < 0) {
            throw new IllegalArgumentException("A symbol's depth cannot be negative: " + depth);
        }
    }

    /** Whether the char at {@code offset}, or a caret just after the declaration's last char, lies inside it. */
    public boolean contains(int offset) {
        return offset >= range.start() && offset <= range.end();
    }
}
