package dev.cyberdevstudio.engine.syntax;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSSymbolType;

/**
 * A grammar's node type names by symbol number, and its field numbers, read once per language. Through the Java
 * binding, {@code TSNode.getType()} costs several times what {@code getSymbol()} does (it builds a new string on
 * every call), and asking for a child by field name compares names each time: an outline of a 100k-line file asks
 * tens of thousands of times.
 */
final class NodeTypes {

    private static final Map<Language, NodeTypes> LOADED = new ConcurrentHashMap<>();

    private final String[] namedTypes;
    private final Map<String, Integer> fieldIds = new ConcurrentHashMap<>();
    private final TSLanguage grammar;

    private NodeTypes(TSLanguage grammar) {
        this.grammar = grammar;
        namedTypes = new String[grammar.symbolCount()];
        for (int symbol = 0; symbol < namedTypes.length; symbol++) {
            if (grammar.symbolType(symbol) == TSSymbolType.TSSymbolTypeRegular) {
                namedTypes[symbol] = grammar.symbolName(symbol);
            }
        }
    }

    static NodeTypes of(Language language) {
        return LOADED.computeIfAbsent(language, key -> new NodeTypes(Grammars.of(key).treeSitter()));
    }

    /** The node's type when it is a named node; "" for punctuation and keywords. */
    String type(TSNode node) {
        var symbol = node.getSymbol();
        var type = symbol >= 0 && symbol < namedTypes.length ? namedTypes[symbol] : null;
        return type == null ? "" : type;
    }

    /** The child in field {@code name}, or null when there is none (or the grammar has no such field). */
    TSNode field(TSNode node, String name) {
        var id = fieldIds.computeIfAbsent(name, grammar::fieldIdForName);
        if (id == 0) {
            return null;
        }
        var child = node.getChildByFieldId(id);
        return child == null || child.isNull() ? null : child;
    }
}
