/**
 * Syntax highlighting without a UI: a {@link dev.cyberdevstudio.engine.syntax.SyntaxDocument} keeps a tree-sitter
 * tree of one file current through edits and answers which {@link dev.cyberdevstudio.engine.syntax.StyleSpan}s
 * a range of it carries, walking only the part of the tree that meets the range.
 *
 * <p>Each {@link dev.cyberdevstudio.engine.syntax.Language} has a highlight query under
 * {@code highlights/} beside these classes, whose captures are named after the style classes themes colour
 * ({@link dev.cyberdevstudio.engine.syntax.StyleSpan#STYLE_CLASSES}).
 */
package dev.cyberdevstudio.engine.syntax;
