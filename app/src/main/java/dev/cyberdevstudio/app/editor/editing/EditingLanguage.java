package dev.cyberdevstudio.app.editor.editing;

import dev.cyberdevstudio.engine.syntax.Language;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the editing commands need to know of a file's language: its comment tokens and whether a line ending in
 * {@code :} opens a block (Python, YAML). Languages the studio highlights answer through {@link Language}; a few
 * common others are known by extension, so that Ctrl+/ works in a C or Go file too.
 *
 * @param lineComment     the token of a comment to the end of the line
 * @param blockComment    the tokens around a block comment
 * @param colonOpensBlock whether Enter after a line ending in {@code :} indents one level
 */
public record EditingLanguage(Optional<String> lineComment, Optional<BlockComment> blockComment,
                              boolean colonOpensBlock) {

    /** Plain text: no comments. */
    public static final EditingLanguage PLAIN = new EditingLanguage(Optional.empty(), Optional.empty(), false);

    private static final EditingLanguage C_LIKE = new EditingLanguage(Optional.of("//"),
            Optional.of(new BlockComment("/*", "*/")), false);
    private static final EditingLanguage HASH = new EditingLanguage(Optional.of("#"), Optional.empty(), false);
    private static final EditingLanguage DASHES = new EditingLanguage(Optional.of("--"), Optional.empty(), false);
    private static final EditingLanguage MARKUP = new EditingLanguage(Optional.empty(),
            Optional.of(new BlockComment("<!--", "-->")), false);
    private static final Map<String, EditingLanguage> BY_EXTENSION = Map.ofEntries(
            Map.entry("c", C_LIKE), Map.entry("h", C_LIKE), Map.entry("cpp", C_LIKE), Map.entry("cc", C_LIKE),
            Map.entry("hpp", C_LIKE), Map.entry("cs", C_LIKE), Map.entry("go", C_LIKE), Map.entry("rs", C_LIKE),
            Map.entry("kt", C_LIKE), Map.entry("kts", C_LIKE), Map.entry("scala", C_LIKE),
            Map.entry("swift", C_LIKE), Map.entry("dart", C_LIKE), Map.entry("groovy", C_LIKE),
            Map.entry("gradle", C_LIKE), Map.entry("php", C_LIKE), Map.entry("scss", C_LIKE),
            Map.entry("less", C_LIKE), Map.entry("proto", C_LIKE), Map.entry("zig", C_LIKE),
            Map.entry("rb", HASH), Map.entry("pl", HASH), Map.entry("r", HASH), Map.entry("toml", HASH),
            Map.entry("properties", HASH), Map.entry("conf", HASH), Map.entry("cfg", HASH),
            Map.entry("dockerfile", HASH), Map.entry("makefile", HASH), Map.entry("cmake", HASH),
            Map.entry("sql", DASHES), Map.entry("lua", DASHES), Map.entry("hs", DASHES),
            Map.entry("xml", MARKUP), Map.entry("svg", MARKUP), Map.entry("xhtml", MARKUP));

    /** The language of a file by its name. */
    public static EditingLanguage forFileName(String fileName) {
        var known = Language.forFileName(fileName);
        if (known.isPresent()) {
            return of(known.get());
        }
        var name = fileName.toLowerCase(Locale.ROOT);
        var slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        var dot = name.lastIndexOf('.');
        var key = dot < 0 ? name : name.substring(dot + 1);
        return BY_EXTENSION.getOrDefault(key, PLAIN);
    }

    /** The traits of a language the studio highlights. */
    public static EditingLanguage of(Language language) {
        return new EditingLanguage(language.lineComment(),
                language.blockComment().map(tokens -> new BlockComment(tokens.get(0), tokens.get(1))),
                language == Language.PYTHON || language == Language.YAML);
    }

    /** The tokens around a block comment, such as {@code /*} and its closer. */
    public record BlockComment(String open, String close) { }
}
