package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Makes the {@link LanguageService} of an opened project.
 *
 * <pre>{@code
 * var lspSettings = new LanguageServerSettings(engine.settings());
 * LanguageService service = LanguageServices.forProject(projectRoot, lspSettings);
 * service.onStatus(statusBar::showLanguageServer);
 * service.onDiagnostics(problems::update);
 * ...
 * service.close();   // when the project closes: servers are shut down, leftovers killed
 * }</pre>
 *
 * <p>Servers run as plain child processes of the studio, in the project folder, with the user's environment, and
 * not in the process sandbox the agents' commands run in: a language server is a tool the user installed and
 * trusts like their editor, it needs {@code node} (or python …) from the user's PATH and its caches in the user's
 * home, and it reads the whole project, its virtual environments and installed packages to resolve imports. A
 * sandbox with the project as its only folder would leave it unable to find the standard library or the packages.
 * Nothing is started until a file of its type is opened.
 */
public final class LanguageServices {

    private LanguageServices() {
    }

    /** The servers the settings choose, with the default patience; the settings are read now, once. */
    public static LanguageService forProject(Path root, LanguageServerSettings settings) {
        return forProject(root, settings.servers(), LanguageServiceOptions.defaults());
    }

    /** The servers the settings choose, with {@code options} (more tool folders, other timeouts). */
    public static LanguageService forProject(Path root, LanguageServerSettings settings,
                                             LanguageServiceOptions options) {
        return forProject(root, settings.servers(), options);
    }

    /** Exactly {@code servers}; a file type two servers claim goes to the first. */
    public static LanguageService forProject(Path root, List<LanguageServerConfig> servers,
                                             LanguageServiceOptions options) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(options, "options");
        return new LspLanguageService(root, servers, options);
    }
}
