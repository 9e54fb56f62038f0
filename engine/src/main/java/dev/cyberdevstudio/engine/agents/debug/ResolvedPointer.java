package dev.cyberdevstudio.engine.agents.debug;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link SourcePointer} matched to a file of the project, with the code around it.
 *
 * @param file    the project file it points at, relative to the project root; empty when it lies outside the
 *                project (the JDK, site-packages, node internals) or no file matches
 * @param excerpt the lines around the pointer, when the file could be read
 */
public record ResolvedPointer(SourcePointer pointer, Optional<Path> file, Optional<CodeExcerpt> excerpt) {

    public boolean inProject() {
        return file.isPresent();
    }

    /** {@code src/app.py:12:5}, or the printed file when it is not in the project. */
    public String label() {
        var where = file.map(path -> path.toString().replace('\\', '/')).orElse(pointer.printedFile());
        return where + ":" + pointer.line() + (pointer.column() > 0 ? ":" + pointer.column() : "");
    }
}
