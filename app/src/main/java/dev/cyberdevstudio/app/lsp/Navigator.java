package dev.cyberdevstudio.app.lsp;

import java.nio.file.Path;

/** Opens a file with the caret at a place; the window passes {@code editors::openAt}. */
@FunctionalInterface
public interface Navigator {

    /** Opens {@code file} (or selects its tab) with the caret at {@code line}:{@code column}, both 1-based. */
    void openAt(Path file, int line, int column);
}
