package dev.cyberdevstudio.engine.syntax;

import java.util.Set;
import org.treesitter.TSNode;

/**
 * JavaScript and TypeScript: functions, classes and their members, interfaces, enums, type aliases, namespaces,
 * and the top-level {@code const}/{@code let} names (a function or class assigned to one takes that kind).
 * Function bodies are not walked.
 */
final class ScriptOutline {

    private static final Set<String> FUNCTION_VALUES =
            Set.of("arrow_function", "function_expression", "function", "generator_function");
    private static final Set<String> CLASS_VALUES = Set.of("class");

    private ScriptOutline() {
    }

    static void read(TSNode root, OutlineBuilder out) {
        statements(root, null, out);
    }

    private static void statements(TSNode block, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (!OutlineBuilder.mayDescend(parent)) {
            return;
        }
        for (var node : out.children(block)) {
            statement(node, node, parent, out);
        }
    }

    /** {@code whole} is what the symbol spans ({@code export …} included); {@code node} the declaration. */
    private static void statement(TSNode whole, TSNode node, OutlineBuilder.Draft parent, OutlineBuilder out) {
        switch (out.type(node)) {
            case "export_statement" -> {
                var declaration = out.field(node, "declaration");
                if (declaration != null) {
                    statement(whole, declaration, parent, out);
                }
            }
            // `namespace N {}` parses as an expression statement; `declare module "x" {}` as an ambient one.
            case "expression_statement", "ambient_declaration" -> {
                for (var child : out.children(node)) {
                    statement(whole, child, parent, out);
                }
            }
            case "function_declaration", "generator_function_declaration", "function_signature" ->
                    out.add(parent, SymbolKind.FUNCTION, whole, out.field(node, "name"));
            case "class_declaration", "abstract_class_declaration" -> type(whole, node, SymbolKind.CLASS, parent, out);
            case "interface_declaration" -> type(whole, node, SymbolKind.INTERFACE, parent, out);
            case "enum_declaration" -> type(whole, node, SymbolKind.ENUM, parent, out);
            case "type_alias_declaration" -> out.add(parent, SymbolKind.TYPE_ALIAS, whole, out.field(node, "name"));
            case "internal_module", "module" -> {
                var namespace = out.add(parent, SymbolKind.NAMESPACE, whole, out.field(node, "name"));
                var body = out.field(node, "body");
                if (namespace != null && body != null) {
                    statements(body, namespace, out);
                }
            }
            case "lexical_declaration", "variable_declaration" -> variables(whole, node, parent, out);
            default -> { }
        }
    }

    private static void type(TSNode whole, TSNode node, SymbolKind kind, OutlineBuilder.Draft parent,
                             OutlineBuilder out) {
        var type = out.add(parent, kind, whole, out.field(node, "name"));
        var body = out.field(node, "body");
        if (type != null && body != null && OutlineBuilder.mayDescend(type)) {
            members(body, type, out);
        }
    }

    private static void members(TSNode body, OutlineBuilder.Draft type, OutlineBuilder out) {
        for (var member : out.children(body)) {
            switch (out.type(member)) {
                case "method_definition", "method_signature", "abstract_method_signature" -> {
                    var name = out.field(member, "name");
                    var constructor = name != null && "constructor".equals(out.text(name));
                    out.add(type, constructor ? SymbolKind.CONSTRUCTOR : SymbolKind.METHOD, member, name);
                }
                case "public_field_definition", "property_signature" ->
                        out.add(type, SymbolKind.PROPERTY, member, out.field(member, "name"));
                case "field_definition" -> out.add(type, SymbolKind.PROPERTY, member, out.field(member, "property"));
                // An enum's members are bare names, or `name = value` assignments.
                case "property_identifier" -> out.add(type, SymbolKind.ENUM_CONSTANT, member, member);
                case "enum_assignment" -> out.add(type, SymbolKind.ENUM_CONSTANT, member, out.field(member, "name"));
                default -> { }
            }
        }
    }

    /** {@code const f = () => 1, x = 2;}: a function and, at the top level, a variable. */
    private static void variables(TSNode whole, TSNode node, OutlineBuilder.Draft parent, OutlineBuilder out) {
        for (var declarator : out.children(node)) {
            if (!"variable_declarator".equals(out.type(declarator))) {
                continue;
            }
            var name = out.field(declarator, "name");
            if (name == null || !"identifier".equals(out.type(name))) {
                continue;
            }
            var value = out.field(declarator, "value");
            var valueType = value == null ? "" : out.type(value);
            if (FUNCTION_VALUES.contains(valueType)) {
                out.add(parent, SymbolKind.FUNCTION, whole, name);
            } else if (CLASS_VALUES.contains(valueType)) {
                var type = out.add(parent, SymbolKind.CLASS, whole, name);
                var body = out.field(value, "body");
                if (type != null && body != null && OutlineBuilder.mayDescend(type)) {
                    members(body, type, out);
                }
            } else if (parent == null || parent.kind() == SymbolKind.NAMESPACE) {
                out.add(parent, SymbolKind.VARIABLE, whole, name);
            }
        }
    }
}
