package dev.cyberdevstudio.engine.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the studio highlights, each with a tree-sitter grammar.
 *
 * <pre>{@code
 * Language.forFileName("Main.java")   // Optional[JAVA]
 * Language.forFileName(".bashrc")     // Optional[BASH]
 * Language.forFileName("notes.txt")   // Optional.empty()
 * }</pre>
 */
public enum Language {
    JAVA("Java", List.of("java"), List.of()),
    PYTHON("Python", List.of("py", "pyi", "pyw"), List.of()),
    JAVASCRIPT("JavaScript", List.of("js", "mjs", "cjs", "jsx"), List.of()),
    TYPESCRIPT("TypeScript", List.of("ts", "mts", "cts"), List.of()),
    TSX("TSX", List.of("tsx"), List.of()),
    JSON("JSON", List.of("json", "jsonc", "json5"), List.of()),
    MARKDOWN("Markdown", List.of("md", "markdown", "mdown", "mkd"), List.of()),
    BASH("Bash", List.of("sh", "bash", "zsh", "ksh"),
            List.of(".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".profile", ".zshrc", ".zprofile")),
    YAML("YAML", List.of("yaml", "yml"), List.of()),
    HTML("HTML", List.of("html", "htm", "xhtml"), List.of()),
    CSS("CSS", List.of("css"), List.of());

    private final String displayName;
    private final List<String> extensions;
    private final List<String> fileNames;

    Language(String displayName, List<String> extensions, List<String> fileNames) {
        this.displayName = displayName;
        this.extensions = extensions;
        this.fileNames = fileNames;
    }

    /** The name people call the language by, for a status bar. */
    public String displayName() {
        return displayName;
    }

    /** The token that starts a comment running to the end of its line ({@code //}, {@code #}), if there is one. */
    public Optional<String> lineComment() {
        return switch (this) {
            case JAVA, JAVASCRIPT, TYPESCRIPT, TSX, JSON -> Optional.of("//");
            case PYTHON, BASH, YAML -> Optional.of("#");
            default -> Optional.empty();
        };
    }

    /**
     * The opening and closing tokens of a block comment ({@code /*} and its closer, {@code <!--} and {@code -->}),
     * if the language has one; a list of two.
     */
    public Optional<List<String>> blockComment() {
        return switch (this) {
            case JAVA, JAVASCRIPT, TYPESCRIPT, TSX, JSON, CSS -> Optional.of(List.of("/*", "*/"));
            case HTML, MARKDOWN -> Optional.of(List.of("<!--", "-->"));
            default -> Optional.empty();
        };
    }

    /**
     * The language of a file, judged by its name (a bare name or a path's last element); the case of the
     * extension does not matter.
     */
    public static Optional<Language> forFileName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        var slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        var fileName = name.substring(slash + 1).toLowerCase(Locale.ROOT);
        var dot = fileName.lastIndexOf('.');
        var extension = dot < 0 ? "" : fileName.substring(dot + 1);
        for (var language : values()) {
            if (language.fileNames.contains(fileName) || (dot > 0 && language.extensions.contains(extension))) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
