/**
 * Puts the engine's syntax styles on a RichTextFX code area, parsing off the FX thread:
 * {@link dev.cyberdevstudio.app.editor.highlight.SyntaxHighlighting#attach}.
 */
package dev.cyberdevstudio.app.editor.highlight;
