package dev.cyberdevstudio.engine.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a search in files ended.
 *
 * @param outcome        whether it ran to the end, was stopped, or could not start
 * @param matches        every match found, shown or not
 * @param shown          the matches reported (at most the query's maximum)
 * @param files          the files with at least one match
 * @param searched       the files read
 * @param skippedBinary  files left out because they hold binary data
 * @param skippedLarge   files left out because they are bigger than the query's size limit
 * @param unreadable     files that could not be read
 * @param problem        why it could not start or stopped, for {@link Outcome#INVALID} and {@link Outcome#FAILED}
 * @param took           how long it ran
 * @param maxFileSize    the size limit the search ran with, in bytes
 */
public record SearchSummary(Outcome outcome, int matches, int shown, int files, int searched, int skippedBinary,
                            int skippedLarge, int unreadable, Optional<String> problem, Duration took,
                            long maxFileSize) {

    /** How a search ended. */
    public enum Outcome {
        COMPLETED,
        CANCELLED,
        /** The query could not run: see {@link #problem()}. */
        INVALID,
        /** The search broke off: see {@link #problem()}. */
        FAILED
    }

    public SearchSummary {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(took, "took");
    }

    static SearchSummary invalid(String message) {
        return new SearchSummary(Outcome.INVALID, 0, 0, 0, 0, 0, 0, 0, Optional.of(message), Duration.ZERO, 0);
    }

    /** Matches found but not reported, because of the query's maximum. */
    public int notShown() {
        return matches - shown;
    }

    /**
     * One line for people: {@code "37 matches in 9 files"}, with what was not shown or skipped, or
     * {@code "search stopped: …"}.
     */
    public String describe() {
        if (outcome == Outcome.INVALID || outcome == Outcome.FAILED) {
            return (outcome == Outcome.FAILED ? "search stopped: " : "") + problem.orElse("the search failed");
        }
        var text = new StringBuilder();
        if (outcome == Outcome.CANCELLED) {
            text.append("search stopped: cancelled after ").append(count(searched, "file")).append("; ");
        }
        text.append(matches == 0 && outcome == Outcome.COMPLETED ? "no matches" : count(matches, "match"));
        if (matches > 0) {
            text.append(" in ").append(count(files, "file"));
        }
        var notes = new ArrayList<String>();
        if (notShown() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d more not shown", notShown()));
        }
        if (skippedBinary > 0) {
            notes.add(count(skippedBinary, "binary file") + " skipped");
        }
        if (skippedLarge > 0) {
            notes.add(count(skippedLarge, "file") + " over " + size(maxFileSize) + " skipped");
        }
        if (unreadable > 0) {
            notes.add(count(unreadable, "file") + " unreadable");
        }
        if (!notes.isEmpty()) {
            text.append(" (").append(String.join(", ", notes)).append(')');
        }
        return text.toString();
    }

    private static String count(int n, String noun) {
        var plural = noun.endsWith("ch") ? noun + "es" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural);
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
