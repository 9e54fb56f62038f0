package dev.cyberdevstudio.engine.syntax;

import org.treesitter.TSNode;

/**
 * JSON and YAML: the keys of the top-level mapping, and of the mappings nested in them down to
 * {@value #MAX_KEY_DEPTH} levels (keys inside arrays are left out: they repeat per element).
 */
final class KeyOutline {

    static final int MAX_KEY_DEPTH = 3;

    private KeyOutline() {
    }

    static void readJson(TSNode root, OutlineBuilder out) {
        for (var value : out.children(root)) {
            jsonObject(value, null, out);
        }
    }

    static void readYaml(TSNode root, OutlineBuilder out) {
        for (var document : out.children(root)) {
            if ("document".equals(out.type(document))) {
                for (var node : out.children(document)) {
                    yamlMapping(node, null, out);
                }
            }
        }
    }

    private static void jsonObject(TSNode object, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (!"object".equals(out.type(object)) || !withinDepth(parent)) {
            return;
        }
        for (var pair : out.children(object)) {
            if (!"pair".equals(out.type(pair))) {
                continue;
            }
            var key = out.field(pair, "key");
            var content = key == null ? null : out.childOfType(key, "string_content");
            var symbol = out.add(parent, SymbolKind.KEY, pair, content != null ? content : key);
            var value = out.field(pair, "value");
            if (symbol != null && value != null) {
                jsonObject(value, symbol, out);
            }
        }
    }

    /** A YAML value is a block node around a block mapping of pairs. */
    private static void yamlMapping(TSNode node, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (!"block_node".equals(out.type(node)) || !withinDepth(parent)) {
            return;
        }
        for (var mapping : out.children(node)) {
            if (!"block_mapping".equals(out.type(mapping))) {
                continue;
            }
            for (var pair : out.children(mapping)) {
                if (!"block_mapping_pair".equals(out.type(pair))) {
                    continue;
                }
                var symbol = out.add(parent, SymbolKind.KEY, pair, out.field(pair, "key"));
                var value = out.field(pair, "value");
                if (symbol != null && value != null) {
                    yamlMapping(value, symbol, out);
                }
            }
        }
    }

    private static boolean withinDepth(OutlineBuilder.Draft parent) {
        return parent == null || parent.depth() + 1 < MAX_KEY_DEPTH;
    }
}
