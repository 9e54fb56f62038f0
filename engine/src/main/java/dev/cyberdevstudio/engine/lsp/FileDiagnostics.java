package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.List;

/** Everything a server now reports for one file; an empty list clears the file's problems. */
public record FileDiagnostics(Path file, List<Diagnostic> diagnostics) {

    public FileDiagnostics {
        diagnostics = List.copyOf(diagnostics);
    }
}
