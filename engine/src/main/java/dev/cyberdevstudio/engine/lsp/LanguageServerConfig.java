package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One language server the studio can start: the command that runs it over stdio and the file types it serves.
 *
 * @param id          stable name for logs and for telling servers apart ({@code pyright})
 * @param name        what the status bar calls it
 * @param languageIds the LSP {@code languageId} per file extension it serves; extensions are lower case with their
 *                    dot ({@code .tsx -> typescriptreact}), in the order given
 * @param command     the program and its arguments; the program is looked up on PATH and in the tools folders
 * @param installHint the command that installs it ({@code npm install -g pyright}); may be empty
 */
public record LanguageServerConfig(String id, String name, Map<String, String> languageIds, List<String> command,
                                   String installHint) {

    public LanguageServerConfig {
        id = requireText(id, "id");
        name = requireText(name, "name");
        Objects.requireNonNull(languageIds, "languageIds");
        if (languageIds.isEmpty()) {
            throw new IllegalArgumentException("The language server " + name + " serves no file extension");
        }
        var normalized = new LinkedHashMap<String, String>();
        languageIds.forEach((extension, languageId) ->
                normalized.put(normalizeExtension(extension), requireText(languageId, "languageId of " + extension)));
        languageIds = Collections.unmodifiableMap(normalized);
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("The language server " + name + " has no command");
        }
        installHint = Objects.requireNonNullElse(installHint, "").strip();
    }

    /** Microsoft's Python type checker, from npm. */
    public static LanguageServerConfig pyright() {
        var ids = new LinkedHashMap<String, String>();
        ids.put(".py", "python");
        ids.put(".pyi", "python");
        return new LanguageServerConfig("pyright", "pyright", ids, List.of("pyright-langserver", "--stdio"),
                "npm install -g pyright");
    }

    /** TypeScript's tsserver behind the LSP wrapper, for TypeScript and JavaScript; needs typescript installed too. */
    public static LanguageServerConfig typescriptLanguageServer() {
        var ids = new LinkedHashMap<String, String>();
        ids.put(".ts", "typescript");
        ids.put(".tsx", "typescriptreact");
        ids.put(".js", "javascript");
        ids.put(".jsx", "javascriptreact");
        ids.put(".mjs", "javascript");
        ids.put(".cjs", "javascript");
        return new LanguageServerConfig("typescript-language-server", "typescript-language-server", ids,
                List.of("typescript-language-server", "--stdio"),
                "npm install -g typescript-language-server typescript");
    }

    /** The servers the studio knows without any configuration. */
    public static List<LanguageServerConfig> defaults() {
        return List.of(pyright(), typescriptLanguageServer());
    }

    /** The extensions it serves, lower case with their dot. */
    public Set<String> extensions() {
        return languageIds.keySet();
    }

    /** The languageId to open {@code file} with, when this server serves it (the longest matching extension wins). */
    public Optional<String> languageIdFor(Path file) {
        return matchingExtension(file).map(languageIds::get);
    }

    /** The longest of the extensions that {@code file}'s name ends with. */
    Optional<String> matchingExtension(Path file) {
        var fileName = file.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        var lowerName = fileName.toString().toLowerCase(Locale.ROOT);
        return languageIds.keySet().stream()
                .filter(extension -> lowerName.endsWith(extension) && lowerName.length() > extension.length())
                .max((left, right) -> Integer.compare(left.length(), right.length()));
    }

    /** {@code "PY"}, {@code ".py"} and {@code " .py "} all become {@code ".py"}. */
    static String normalizeExtension(String extension) {
        var text = requireText(extension, "extension").toLowerCase(Locale.ROOT);
        var normalized = text.startsWith(".") ? text : "." + text;
        if (normalized.length() < 2 || normalized.chars().anyMatch(c -> c == '/' || c == '\\'
                || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("Not a file extension: \"" + extension + "\"");
        }
        return normalized;
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        var stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The language server's " + what + " is blank");
        }
        return stripped;
    }
}
