package dev.cyberdevstudio.app.actions;

import java.util.Locale;

/**
 * How well a typed query matches a name, for the lists that filter as one types: a substring beats a scattered
 * match, a match at the start of the name or of a word beats one inside a word, and shorter names win ties.
 *
 * <pre>{@code
 * FuzzyMatch.score("gtl", "Go to Line…")   // > 0: G-o t-o L-ine, each at a word start
 * FuzzyMatch.score("xyz", "Go to Line…")   // -1: no match
 * }</pre>
 */
public final class FuzzyMatch {

    public static final int NO_MATCH = -1;
    private static final int PREFIX = 3_000;
    private static final int WORD_START = 2_000;
    private static final int INSIDE = 1_000;
    private static final int SCATTERED_CAP = 900;

    private FuzzyMatch() {
    }

    /** The score of {@code text} for {@code query}, higher is better; {@link #NO_MATCH} when it does not match. */
    public static int score(String query, String text) {
        var q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 0;
        }
        var t = text.toLowerCase(Locale.ROOT);
        var index = t.indexOf(q);
        if (index == 0) {
            return PREFIX - text.length();
        }
        if (index > 0) {
            var atWord = wordStartAt(text, index);
            return (atWord ? WORD_START : INSIDE) - text.length();
        }
        return scattered(q, t, text);
    }

    /** Every char of the query in order; word starts and runs score, gaps cost. */
    private static int scattered(String q, String t, String original) {
        int score = 0;
        int from = 0;
        int previous = -2;
        for (int i = 0; i < q.length(); i++) {
            var c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int found = t.indexOf(c, from);
            if (found < 0) {
                return NO_MATCH;
            }
            score += 10;
            if (wordStartAt(original, found)) {
                score += 15;
            }
            if (found == previous + 1) {
                score += 8;
            }
            score -= Math.min(found - from, 10);
            previous = found;
            from = found + 1;
        }
        return Math.clamp(score + SCATTERED_CAP / 2 - original.length(), 1, SCATTERED_CAP);
    }

    /** The start of the text, of a word, or of a camel-case hump ({@code goTo|Line}). */
    static boolean wordStartAt(String text, int index) {
        if (index == 0) {
            return true;
        }
        var before = text.charAt(index - 1);
        var at = text.charAt(index);
        return !Character.isLetterOrDigit(before) || Character.isLowerCase(before) && Character.isUpperCase(at);
    }
}
