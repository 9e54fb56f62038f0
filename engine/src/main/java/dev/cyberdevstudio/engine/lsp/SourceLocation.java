package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;

/** A span in a file: where a definition is, or one of a symbol's references. */
public record SourceLocation(Path file, TextSpan span) {
}
