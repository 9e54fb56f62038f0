package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import java.nio.file.Path;

/** Where quick open and search results send the file someone picked. */
@FunctionalInterface
public interface FileOpener {

    /**
     * Opens {@code file}; with {@code line} above 0 puts the caret at that 1-based line and column (column 0 or 1:
     * the line's start).
     */
    void open(Path file, int line, int column);

    /** Opens files in the editor tabs: {@code openAt} with a line, {@code open} without. */
    static FileOpener into(EditorTabsViewModel editors) {
        return (file, line, column) -> {
            if (line > 0) {
                editors.openAt(file, line, Math.max(1, column));
            } else {
                editors.open(file);
            }
        };
    }
}
