package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import java.nio.file.Path;

/** A row of the Problems list: a file's heading, or one problem under it. */
public sealed interface ProblemRow {

    Path file();

    /** The heading of a file's problems, with how many of each kind it has. */
    record FileHeading(Path file, int errors, int warnings, int others) implements ProblemRow {

        public int total() {
            return errors + warnings + others;
        }
    }

    /** One problem; {@link #line()} and {@link #column()} are 1-based, as people count. */
    record Problem(Path file, Diagnostic diagnostic) implements ProblemRow {

        public int line() {
            return diagnostic.span().start().line() + 1;
        }

        public int column() {
            return diagnostic.span().start().character() + 1;
        }

        /** {@code main.py:12}, for the list and for copying. */
        public String where() {
            var name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            return name + ":" + line();
        }
    }
}
