package dev.cyberdevstudio.engine.agents.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One file's text as rules see it: lines, offsets, and which chars are code, comments or string literals.
 *
 * <pre>{@code
 * var file = SourceFile.of("src/Db.java", text);
 * for (int line = 1; line <= file.lineCount(); line++) {
 *     var code = file.codeLine(line);        // comments blanked out, offsets unchanged
 * }
 * }</pre>
 *
 * <p>The comment and string regions are worked out on first use (a tree-sitter parse for languages that have a
 * grammar), so rules that only read lines pay nothing for them. Not thread-safe; a scan confines a file to one thread.
 */
public final class SourceFile {

    /** Path segments and name parts that mark examples, templates and test fixtures. */
    private static final Pattern EXAMPLE_PATH = Pattern.compile(
            "(^|/)(examples?|samples?|fixtures?|testdata|__fixtures__)/"
            + "|\\.(example|sample|template|tmpl|dist)(\\.|$)|(^|/)[^/]*(example|sample)[^/]*$");
    private static final Pattern NUMERIC_DECLARATION = Pattern.compile(
            "\\b(?:int|long|short|byte|double|float|Integer|Long|Short|Double|Float)\\s+([A-Za-z_]\\w*)\\s*[,;=)]"
            + "|\\b([A-Za-z_]\\w*)\\??\\s*:\\s*number\\b"
            + "|\\b([A-Za-z_]\\w*)\\s+(?:int|int8|int16|int32|int64|uint|uint8|uint16|uint32|uint64|float32"
            + "|float64)\\b");
    /** How far a call's closing parenthesis is looked for. */
    private static final int MAX_CALL_CHARS = 2_000;

    private final String path;
    private final FileKind kind;
    private final String text;
    private final int[] lineStarts;
    private CodeRegions regions;
    private String code;
    private Set<String> numericNames;

    private SourceFile(String path, FileKind kind, String text) {
        this.path = path;
        this.kind = kind;
        this.text = text;
        this.lineStarts = lineStartsOf(text);
    }

    /** A file's text under a project-relative path with {@code /} separators; the kind is judged from the name. */
    public static SourceFile of(String path, String text) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        var normalized = path.replace('\\', '/');
        return new SourceFile(normalized, FileKind.of(normalized), text);
    }

    public String path() {
        return path;
    }

    public FileKind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    /** True for example, sample and template files and test fixtures, whose secrets are usually fakes. */
    public boolean isExampleOrFixture() {
        return EXAMPLE_PATH.matcher(path.toLowerCase(Locale.ROOT)).find();
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line without its line break. */
    public String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** The 1-based line as {@link #code()} has it: comments blanked, offsets as in the text. */
    public String codeLine(int line) {
        return code().substring(lineStart(line), lineEnd(line));
    }

    /** Offset of the first char of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just past the last char of a 1-based line, before its line break. */
    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > lineStart(line) && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The 1-based line that holds an offset. */
    public int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The 1-based column of an offset. */
    public int columnOf(int offset) {
        return offset - lineStart(lineOf(offset)) + 1;
    }

    /** The whole text with every comment replaced by spaces (line breaks kept), so that offsets stay the same. */
    public String code() {
        if (code == null) {
            var chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (regions().isComment(i) && chars[i] != '\n' && chars[i] != '\r') {
                    chars[i] = ' ';
                }
            }
            code = new String(chars);
        }
        return code;
    }

    public boolean isComment(int offset) {
        return regions().isComment(offset);
    }

    public boolean isString(int offset) {
        return regions().isString(offset);
    }

    /** True when the char at {@code offset} is neither in a comment nor in a string literal. */
    public boolean isCode(int offset) {
        return !regions().isComment(offset) && !regions().isString(offset);
    }

    /**
     * Names declared with a numeric type in this file ({@code int limit}, {@code count: number},
     * {@code page int}): a number concatenated into SQL or a command cannot change its syntax.
     */
    public Set<String> numericNames() {
        if (numericNames == null) {
            var names = new HashSet<String>();
            var matcher = NUMERIC_DECLARATION.matcher(code());
            while (matcher.find()) {
                names.add(matcher.group(1) != null ? matcher.group(1)
                        : matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            }
            numericNames = Set.copyOf(names);
        }
        return numericNames;
    }

    /** Every match of {@code pattern} in {@link #code()} that starts in code, not in a string literal. */
    public List<MatchResult> findInCode(Pattern pattern) {
        var matches = new ArrayList<MatchResult>();
        var matcher = pattern.matcher(code());
        while (matcher.find()) {
            if (isCode(matcher.start())) {
                matches.add(matcher.toMatchResult());
            }
        }
        return matches;
    }

    /** Every match of {@code pattern} in the raw text, comments and strings included (where secrets hide). */
    public List<MatchResult> findInText(Pattern pattern) {
        var matches = new ArrayList<MatchResult>();
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            matches.add(matcher.toMatchResult());
        }
        return matches;
    }

    /**
     * The offset of the parenthesis that closes the one at {@code open}, skipping parentheses in strings and
     * comments; -1 when there is none within a couple of thousand chars.
     */
    public int closingParen(int open) {
        int depth = 0;
        int limit = Math.min(text.length(), open + MAX_CALL_CHARS);
        for (int i = open; i < limit; i++) {
            if (!isCode(i)) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The text between the parenthesis at {@code open} and its partner, or to the end of the line when it has none
     * (a call cut short still gets looked at).
     */
    public String arguments(int open) {
        var close = closingParen(open);
        return text.substring(open + 1, close < 0 ? lineEnd(lineOf(open)) : close);
    }

    private CodeRegions regions() {
        if (regions == null) {
            regions = CodeRegions.of(kind, text);
        }
        return regions;
    }

    private static int[] lineStartsOf(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        var starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }
}
