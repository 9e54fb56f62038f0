package dev.cyberdevstudio.engine.syntax;

import org.treesitter.TSNode;

/**
 * Python: classes, functions (methods inside a class), functions nested in functions, and the names assigned at
 * the top of a module or a class body. Statements inside blocks ({@code if}, loops) are not walked.
 */
final class PythonOutline {

    private PythonOutline() {
    }

    static void read(TSNode root, OutlineBuilder out) {
        block(root, null, out);
    }

    private static void block(TSNode block, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (!OutlineBuilder.mayDescend(parent)) {
            return;
        }
        for (var node : out.children(block)) {
            switch (out.type(node)) {
                case "class_definition", "function_definition" -> definition(node, node, parent, out);
                case "decorated_definition" -> {
                    var definition = out.field(node, "definition");
                    if (definition != null) {
                        definition(node, definition, parent, out);
                    }
                }
                case "expression_statement" -> assignment(node, parent, out);
                default -> { }
            }
        }
    }

    /** {@code whole} spans the decorators too; {@code definition} is the class or function itself. */
    private static void definition(TSNode whole, TSNode definition, OutlineBuilder.Draft parent,
                                   OutlineBuilder out) {
        var isClass = "class_definition".equals(out.type(definition));
        var inClass = parent != null && parent.kind() == SymbolKind.CLASS;
        var kind = isClass ? SymbolKind.CLASS : inClass ? SymbolKind.METHOD : SymbolKind.FUNCTION;
        var symbol = out.add(parent, kind, whole, out.field(definition, "name"));
        var body = out.field(definition, "body");
        if (symbol != null && body != null) {
            block(body, symbol, out);
        }
    }

    private static void assignment(TSNode statement, OutlineBuilder.Draft parent, OutlineBuilder out) {
        if (parent != null && parent.kind() != SymbolKind.CLASS) {
            return;
        }
        for (var child : out.children(statement)) {
            if ("assignment".equals(out.type(child))) {
                var left = out.field(child, "left");
                if (left != null && "identifier".equals(out.type(left))) {
                    out.add(parent, parent == null ? SymbolKind.VARIABLE : SymbolKind.FIELD, statement, left);
                }
            }
        }
    }
}
