package dev.cyberdevstudio.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file, for paths relative to the folder that holds it.
 *
 * <p>Supported: blank lines and {@code #} comments, {@code !} re-inclusion, a trailing {@code /} for folders only,
 * a pattern without a slash matching a name at any depth, a pattern with a leading or inner slash anchored to the
 * file's folder, {@code *}, {@code ?}, {@code [a-z]} and {@code **} (leading, trailing and inner), backslash escapes
 * and trailing spaces trimmed. The last matching rule decides, as in git; a folder that is ignored hides everything
 * in it, since the index never walks into it.
 */
final class GitIgnore {

    /** What the rules say about one path. */
    enum Verdict { IGNORED, KEPT, UNDECIDED }

    private record Rule(Pattern pattern, boolean negated, boolean foldersOnly, boolean anchored) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static GitIgnore parse(String text) {
        var rules = new ArrayList<Rule>();
        for (var raw : text.split("\r?\n|\r")) {
            parseLine(raw).ifPresent(rules::add);
        }
        return new GitIgnore(rules);
    }

    /** These rules followed by {@code later}'s, which win where both match (the last matching rule decides). */
    GitIgnore andThen(GitIgnore later) {
        var both = new ArrayList<Rule>(rules);
        both.addAll(later.rules);
        return new GitIgnore(both);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The verdict of the last rule that matches {@code relativePath} ('/'-separated, relative to this file's folder).
     */
    Verdict verdict(String relativePath, boolean folder) {
        var name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        for (var i = rules.size() - 1; i >= 0; i--) {
            var rule = rules.get(i);
            if (rule.foldersOnly() && !folder) {
                continue;
            }
            var subject = rule.anchored() ? relativePath : name;
            if (rule.pattern().matcher(subject).matches()) {
                return rule.negated() ? Verdict.KEPT : Verdict.IGNORED;
            }
        }
        return Verdict.UNDECIDED;
    }

    private static Optional<Rule> parseLine(String raw) {
        var line = trimTrailingSpaces(raw);
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        var negated = line.startsWith("!");
        if (negated) {
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        var foldersOnly = line.endsWith("/");
        if (foldersOnly) {
            line = line.substring(0, line.length() - 1);
        }
        var anchored = line.contains("/");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        if (line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Rule(Glob.compile(line), negated, foldersOnly, anchored));
        } catch (IllegalArgumentException malformed) {
            // git ignores a line it cannot read as a pattern; so do we.
            return Optional.empty();
        }
    }

    private static String trimTrailingSpaces(String line) {
        var end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        var trimmed = line.substring(0, end);
        return trimmed.endsWith("\\ ") ? trimmed.substring(0, trimmed.length() - 2) + " " : trimmed;
    }
}
