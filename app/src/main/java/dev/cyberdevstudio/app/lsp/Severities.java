package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The icon and style class of each kind of problem, shared by the list, the hover and the squiggles. */
final class Severities {

    private Severities() {
    }

    static Ikon icon(Diagnostic.Severity severity) {
        return switch (severity) {
            case ERROR -> Material2AL.ERROR;
            case WARNING -> Material2MZ.WARNING;
            case INFORMATION -> Material2AL.INFO;
            case HINT -> Material2AL.LIGHTBULB;
        };
    }

    /** {@code lsp-severity-error} … */
    static String styleClass(Diagnostic.Severity severity) {
        return "lsp-severity-" + severity.name().toLowerCase(Locale.ROOT);
    }
}
