package dev.cyberdevstudio.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What to look for in the project's files.
 *
 * <pre>{@code
 * var query = SearchQuery.of("TODO").withWholeWord(true).withInclude("src, *.py").withExclude("*Test.java");
 * }</pre>
 *
 * @param text        the text or regular expression ({@link java.util.regex.Pattern} syntax) to find
 * @param regex       whether {@code text} is a regular expression; otherwise it is taken literally
 * @param matchCase   whether upper and lower case must match
 * @param wholeWord   whether a match must not touch a letter, digit or underscore on either side
 * @param include     comma-separated globs of the files to search, relative to the project (empty: all); a glob
 *                    without a slash ({@code *.py}, {@code docs}) matches a file or folder name at any depth
 * @param exclude     comma-separated globs of files to leave out, read like {@code include}
 * @param maxMatches  how many matches are reported; the rest are only counted
 * @param maxFileSize files bigger than this many bytes are skipped (and counted in the summary)
 */
public record SearchQuery(String text, boolean regex, boolean matchCase, boolean wholeWord, String include,
                          String exclude, int maxMatches, long maxFileSize) {

    public static final int DEFAULT_MAX_MATCHES = 2_000;
    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024;

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        include = include == null ? "" : include;
        exclude = exclude == null ? "" : exclude;
        if (maxMatches < 1 || maxFileSize < 1) {
            throw new IllegalArgumentException("The limits must be positive: " + maxMatches + ", " + maxFileSize);
        }
    }

    /** A literal, case-insensitive search of every file, with the default limits. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, false, false, false, "", "", DEFAULT_MAX_MATCHES, DEFAULT_MAX_FILE_SIZE);
    }

    public SearchQuery withRegex(boolean on) {
        return new SearchQuery(text, on, matchCase, wholeWord, include, exclude, maxMatches, maxFileSize);
    }

    public SearchQuery withMatchCase(boolean on) {
        return new SearchQuery(text, regex, on, wholeWord, include, exclude, maxMatches, maxFileSize);
    }

    public SearchQuery withWholeWord(boolean on) {
        return new SearchQuery(text, regex, matchCase, on, include, exclude, maxMatches, maxFileSize);
    }

    public SearchQuery withInclude(String globs) {
        return new SearchQuery(text, regex, matchCase, wholeWord, globs, exclude, maxMatches, maxFileSize);
    }

    public SearchQuery withExclude(String globs) {
        return new SearchQuery(text, regex, matchCase, wholeWord, include, globs, maxMatches, maxFileSize);
    }

    public SearchQuery withLimits(int matches, long fileSize) {
        return new SearchQuery(text, regex, matchCase, wholeWord, include, exclude, matches, fileSize);
    }

    /** Why this query cannot run (an empty text, a bad regular expression or glob), for showing as it is. */
    public Optional<String> problem() {
        return switch (compile()) {
            case Compiled.Ready ready -> Optional.empty();
            case Compiled.Invalid invalid -> Optional.of(invalid.message());
        };
    }

    /** The query made ready to run, or why it cannot. */
    sealed interface Compiled {
        record Ready(Pattern pattern, List<Pattern> include, List<Pattern> exclude) implements Compiled {
        }

        record Invalid(String message) implements Compiled {
        }
    }

    Compiled compile() {
        if (text.isEmpty()) {
            return new Compiled.Invalid("Type something to search for");
        }
        Pattern pattern;
        try {
            var body = regex ? text : Pattern.quote(text);
            if (wholeWord) {
                body = "(?<![\\p{L}\\p{N}_])(?:" + body + ")(?![\\p{L}\\p{N}_])";
            }
            var flags = Pattern.MULTILINE | (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            pattern = Pattern.compile(body, flags);
        } catch (PatternSyntaxException bad) {
            return new Compiled.Invalid("Bad regular expression: " + bad.getDescription()
                    + (bad.getIndex() >= 0 ? " at position " + (bad.getIndex() + 1) : ""));
        }
        try {
            return new Compiled.Ready(pattern, globs(include), globs(exclude));
        } catch (IllegalArgumentException bad) {
            return new Compiled.Invalid("Bad file pattern: " + bad.getMessage());
        }
    }

    /** Splits on commas outside braces; each glob also matches everything under a folder it names. */
    private static List<Pattern> globs(String list) {
        var globs = new ArrayList<Pattern>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.length(); i++) {
            var c = i < list.length() ? list.charAt(i) : ',';
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ',' && (depth == 0 || i == list.length())) {
                var glob = list.substring(start, i).strip();
                start = i + 1;
                if (glob.startsWith("./")) {
                    glob = glob.substring(2);
                }
                while (glob.startsWith("/")) {
                    glob = glob.substring(1);
                }
                if (glob.endsWith("/")) {
                    glob = glob.substring(0, glob.length() - 1);
                }
                if (!glob.isEmpty()) {
                    var regex = Glob.toRegex(glob);
                    var anywhere = glob.contains("/") ? "" : "(?:.*/)?";
                    globs.add(Pattern.compile(anywhere + "(?:" + regex + ")(?:/.*)?"));
                }
            }
        }
        return globs;
    }
}
