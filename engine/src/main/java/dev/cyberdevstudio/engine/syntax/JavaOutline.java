package dev.cyberdevstudio.engine.syntax;

import org.treesitter.TSNode;

/** Java: types and their members, walked through type bodies only (local and anonymous classes are left out). */
final class JavaOutline {

    private JavaOutline() {
    }

    static void read(TSNode root, OutlineBuilder out) {
        members(root, null, out);
    }

    private static void members(TSNode body, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (!OutlineBuilder.mayDescend(parent)) {
            return;
        }
        for (var node : out.children(body)) {
            switch (out.type(node)) {
                case "class_declaration" -> type(node, SymbolKind.CLASS, parent, out);
                case "interface_declaration" -> type(node, SymbolKind.INTERFACE, parent, out);
                case "enum_declaration" -> type(node, SymbolKind.ENUM, parent, out);
                case "record_declaration" -> type(node, SymbolKind.RECORD, parent, out);
                case "annotation_type_declaration" -> type(node, SymbolKind.ANNOTATION, parent, out);
                case "method_declaration", "annotation_type_element_declaration" ->
                        out.add(parent, SymbolKind.METHOD, node, out.field(node, "name"));
                case "constructor_declaration", "compact_constructor_declaration" ->
                        out.add(parent, SymbolKind.CONSTRUCTOR, node, out.field(node, "name"));
                case "field_declaration", "constant_declaration" -> fields(node, parent, out);
                case "enum_constant" -> out.add(parent, SymbolKind.ENUM_CONSTANT, node, out.field(node, "name"));
                // The members after an enum's constants sit in a node of their own; they belong to the enum.
                case "enum_body_declarations" -> members(node, parent, out);
                default -> { }
            }
        }
    }

    private static void type(TSNode node, SymbolKind kind, OutlineBuilder.Draft parent, OutlineBuilder out) {
        var type = out.add(parent, kind, node, out.field(node, "name"));
        var body = out.field(node, "body");
        if (type != null && body != null) {
            members(body, type, out);
        }
    }

    /** {@code int x = 1, y;} declares two fields: one symbol each, both spanning the declaration. */
    private static void fields(TSNode node, OutlineBuilder.Draft parent, OutlineBuilder out) {
        for (var child : out.children(node)) {
            if ("variable_declarator".equals(out.type(child))) {
                out.add(parent, SymbolKind.FIELD, node, out.field(child, "name"));
            }
        }
    }
}
