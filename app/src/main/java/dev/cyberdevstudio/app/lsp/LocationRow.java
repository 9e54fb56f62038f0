package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.SourceLocation;
import java.nio.file.Path;

/**
 * One place of a references list, with the text of its line.
 *
 * @param preview the line's text, stripped; empty when the file could not be read
 */
public record LocationRow(SourceLocation location, String preview) {

    public Path file() {
        return location.file();
    }

    /** 1-based. */
    public int line() {
        return location.span().start().line() + 1;
    }

    /** 1-based. */
    public int column() {
        return location.span().start().character() + 1;
    }

    /** {@code main.py:12}. */
    public String where() {
        var file = location.file();
        return (file.getFileName() == null ? file.toString() : file.getFileName().toString()) + ":" + line();
    }
}
