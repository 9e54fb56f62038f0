package dev.cyberdevstudio.engine.search;

import java.util.Optional;

/**
 * Fuzzy matching of a typed pattern against file paths, ranked as in VS Code's and IntelliJ's "go to file".
 *
 * <pre>{@code
 * var matcher = FuzzyMatcher.compile("mwin");
 * matcher.match("app/src/MainWindow.java")  // score, and the positions of M, W, i, n for highlighting
 * }</pre>
 *
 * <p>The pattern's characters must appear in the path in order, case-insensitively. Among the alignments the best
 * scoring one is found by dynamic programming: every matched character scores, more at the start of a segment,
 * after {@code _ - .} and at camelCase humps (double for the first character), more again when it follows the
 * previous one directly or has the typed upper case; gaps cost. A pattern without a slash is tried on the file name
 * first, and a match inside the name outranks one spread over folders; a name that starts with the pattern (or is
 * it) ranks higher still, and shorter paths win ties. A pattern with slashes ({@code "shell/mainwin"}) matches
 * across folders, its slashes only at slashes.
 *
 * <p>Not thread-safe (it reuses its scratch arrays): one matcher per query and thread.
 */
public final class FuzzyMatcher {

    static final int NO_MATCH = Integer.MIN_VALUE;
    /** A match that cannot reach the threshold it was asked about. */
    static final int BELOW = Integer.MIN_VALUE + 1;

    private static final int NEG = -1_000_000;
    private static final int MATCH = 16;
    private static final int BONUS_SEGMENT = 10;
    private static final int BONUS_SEPARATOR = 8;
    private static final int BONUS_CAMEL = 8;
    private static final int BONUS_DIGIT = 4;
    private static final int FIRST_CHAR_MULTIPLIER = 2;
    private static final int CONSECUTIVE = 6;
    private static final int CASE_BONUS = 4;
    private static final int GAP_OPEN = 4;
    private static final int GAP_EXTEND = 1;
    private static final int NAME_BONUS = 60;
    private static final int NAME_CHAR_BONUS = 2;
    private static final int NAME_PREFIX_BONUS = 30;
    private static final int NAME_STEM_BONUS = 30;
    private static final int NAME_EXACT_BONUS = 40;
    private static final int LENGTH_DIVISOR = 4;
    /** Longer paths and patterns are aligned greedily: the table would cost more than the ranking gains. */
    private static final int MAX_TABLE_CELLS = 64 * 1024;

    private final String pattern;
    private final char[] query;
    private final char[] typed;
    private final long mask;
    private final boolean spansFolders;
    private final int[] positions;
    private final int[] first;
    private final int[] last;
    /** No alignment scores more: every char at a segment start, consecutive, in the typed case. */
    private final int bestAlignment;
    private int[] scores = new int[0];
    private int[] back = new int[0];
    private int[] runs = new int[0];

    private FuzzyMatcher(String pattern) {
        this.pattern = pattern;
        this.typed = pattern.toCharArray();
        this.query = IndexedPath.lowerCase(pattern);
        var bits = 0L;
        for (var c : query) {
            bits |= IndexedPath.bit(c);
        }
        this.mask = bits;
        this.spansFolders = pattern.indexOf('/') >= 0;
        this.positions = new int[query.length];
        this.first = new int[query.length];
        this.last = new int[query.length];
        var best = query.length == 0 ? 0 : BONUS_SEGMENT * (FIRST_CHAR_MULTIPLIER - 1);
        for (var i = 0; i < query.length; i++) {
            best += MATCH + BONUS_SEGMENT + (i > 0 ? CONSECUTIVE : 0) + (typed[i] != query[i] ? CASE_BONUS : 0);
        }
        this.bestAlignment = best;
    }

    /** A matcher for {@code pattern} (the part before any {@code :line}; see {@link QuickOpenQuery}). */
    public static FuzzyMatcher compile(String pattern) {
        var start = 0;
        while (start < pattern.length() && pattern.charAt(start) == '/') {
            start++;
        }
        return new FuzzyMatcher(pattern.substring(start));
    }

    public String pattern() {
        return pattern;
    }

    /** Whether the pattern is empty: it then matches every path with no highlighted characters. */
    public boolean isEmpty() {
        return query.length == 0;
    }

    /** How {@code path} ('/'-separated) matches, if it does. */
    public Optional<FileMatch> match(String path) {
        var indexed = new IndexedPath(path);
        var score = score(indexed);
        return score == NO_MATCH ? Optional.empty() : Optional.of(new FileMatch(path, score, positions));
    }

    /** The positions of the last successful {@link #score}; valid until the next call. */
    int[] positions() {
        return positions;
    }

    /** The score of {@code path}, or {@link #NO_MATCH}; on a match {@link #positions()} holds the aligned chars. */
    int score(IndexedPath path) {
        return score(path, Integer.MIN_VALUE);
    }

    /**
     * Like {@link #score(IndexedPath)}, but returns {@link #BELOW} without aligning when the path matches yet
     * cannot reach {@code threshold}: most paths of a big project, once the best N so far are known.
     */
    int score(IndexedPath path, int threshold) {
        var penalty = path.lower.length / LENGTH_DIVISOR;
        if (query.length == 0) {
            return -penalty;
        }
        if ((path.mask & mask) != mask) {
            return NO_MATCH;
        }
        if (!spansFolders && (path.nameMask & mask) == mask && earliest(path, path.nameStart)) {
            var extra = NAME_BONUS + nameBonus(path) - penalty;
            if (bestAlignment + extra < threshold) {
                return BELOW;
            }
            latest(path);
            var aligned = align(path, path.nameStart);
            return aligned == NO_MATCH ? NO_MATCH : aligned + extra;
        }
        if ((!spansFolders && path.nameStart == 0) || !earliest(path, 0)) {
            return NO_MATCH;
        }
        if (bestAlignment + query.length * NAME_CHAR_BONUS - penalty < threshold) {
            return BELOW;
        }
        latest(path);
        var score = align(path, 0);
        if (score == NO_MATCH) {
            return NO_MATCH;
        }
        for (var position : positions) {
            if (position >= path.nameStart) {
                score += NAME_CHAR_BONUS;
            }
        }
        return score - penalty;
    }

    private int nameBonus(IndexedPath path) {
        var name = path.nameStart;
        var nameLength = path.lower.length - name;
        if (nameLength < query.length) {
            return 0;
        }
        for (var i = 0; i < query.length; i++) {
            if (path.lower[name + i] != query[i]) {
                return 0;
            }
        }
        var bonus = NAME_PREFIX_BONUS;
        if (nameLength == query.length) {
            return bonus + NAME_STEM_BONUS + NAME_EXACT_BONUS;
        }
        var dot = path.path.lastIndexOf('.');
        if (dot - name == query.length) {
            bonus += NAME_STEM_BONUS;
        }
        return bonus;
    }

    /**
     * Whether the query is a subsequence of {@code path} from {@code from} on; if so, sets the earliest place each
     * query char can align at ({@code first}).
     */
    private boolean earliest(IndexedPath path, int from) {
        var lower = path.lower;
        var n = lower.length;
        var k = from;
        for (var i = 0; i < query.length; i++) {
            var c = query[i];
            while (k < n && lower[k] != c) {
                k++;
            }
            if (k == n) {
                return false;
            }
            first[i] = k++;
        }
        return true;
    }

    /** After {@link #earliest} succeeded: sets the latest place each query char can align at ({@code last}). */
    private void latest(IndexedPath path) {
        var lower = path.lower;
        var k = lower.length - 1;
        for (var i = query.length - 1; i >= 0; i--) {
            while (lower[k] != query[i]) {
                k--;
            }
            last[i] = k--;
        }
    }

    /** The best alignment between {@code first} and {@code last}, or {@link #NO_MATCH}. */
    private int align(IndexedPath path, int from) {
        if ((long) query.length * (path.lower.length - from) > MAX_TABLE_CELLS) {
            System.arraycopy(first, 0, positions, 0, query.length);
            return scorePositions(path);
        }
        return alignByTable(path, from);
    }

    /**
     * Smith-Waterman-like table over the window {@code from..n}: {@code scores} holds the best score with query
     * char i at path char j, {@code back} where char i-1 went, {@code runs} the bonus of the first char of the run
     * of consecutive chars that ends there (the rest of a run that starts at a boundary keeps that bonus).
     */
    private int alignByTable(IndexedPath path, int from) {
        var text = path.path;
        var lower = path.lower;
        var width = lower.length - from;
        var m = query.length;
        if (scores.length < m * width) {
            scores = new int[Math.max(m * width, scores.length * 2)];
            back = new int[scores.length];
            runs = new int[scores.length];
        }
        for (var i = 0; i < m; i++) {
            var row = i * width - from;
            var previousRow = row - width;
            var lo = first[i];
            var hi = last[i];
            var previousLo = i > 0 ? first[i - 1] : 0;
            var previousHi = i > 0 ? last[i - 1] : -1;
            var gapBest = NEG;
            var gapFrom = -1;
            var start = i > 0 ? previousLo + 1 : lo;
            for (var j = start; j <= hi; j++) {
                if (i > 0) {
                    if (gapBest > NEG) {
                        gapBest -= GAP_EXTEND;
                    }
                    var candidate = j - 2;
                    if (candidate >= previousLo && candidate <= previousHi && scores[previousRow + candidate] > NEG
                            && scores[previousRow + candidate] - GAP_OPEN > gapBest) {
                        gapBest = scores[previousRow + candidate] - GAP_OPEN;
                        gapFrom = candidate;
                    }
                }
                if (j < lo) {
                    continue;
                }
                if (lower[j] != query[i]) {
                    scores[row + j] = NEG;
                    continue;
                }
                var bonus = bonus(text, j);
                var caseBonus = typed[i] != query[i] && text.charAt(j) == typed[i] ? CASE_BONUS : 0;
                if (i == 0) {
                    scores[row + j] = MATCH + bonus * FIRST_CHAR_MULTIPLIER + caseBonus;
                    back[row + j] = -1;
                    runs[row + j] = bonus;
                    continue;
                }
                var best = NEG;
                var cameFrom = -1;
                var run = bonus;
                if (j - 1 >= previousLo && j - 1 <= previousHi && scores[previousRow + j - 1] > NEG) {
                    var runBonus = Math.max(bonus, runs[previousRow + j - 1]);
                    best = scores[previousRow + j - 1] + CONSECUTIVE + runBonus - bonus;
                    cameFrom = j - 1;
                    run = runBonus;
                }
                if (gapBest > best) {
                    best = gapBest;
                    cameFrom = gapFrom;
                    run = bonus;
                }
                if (best == NEG) {
                    scores[row + j] = NEG;
                    continue;
                }
                scores[row + j] = best + MATCH + bonus + caseBonus;
                back[row + j] = cameFrom;
                runs[row + j] = run;
            }
        }
        var lastRow = (m - 1) * width - from;
        var best = NEG;
        var end = -1;
        for (var j = first[m - 1]; j <= last[m - 1]; j++) {
            if (scores[lastRow + j] > best) {
                best = scores[lastRow + j];
                end = j;
            }
        }
        if (end < 0) {
            return NO_MATCH;
        }
        for (var i = m - 1; i >= 0; i--) {
            positions[i] = end;
            end = back[i * width - from + end];
        }
        return best;
    }

    /** Scores given positions the way the table would, for alignments found greedily. */
    private int scorePositions(IndexedPath path) {
        var score = 0;
        var run = 0;
        for (var i = 0; i < positions.length; i++) {
            var j = positions[i];
            var bonus = bonus(path.path, j);
            if (i == 0) {
                score += MATCH + bonus * FIRST_CHAR_MULTIPLIER;
                run = bonus;
            } else if (j == positions[i - 1] + 1) {
                run = Math.max(run, bonus);
                score += MATCH + CONSECUTIVE + run;
            } else {
                score += MATCH + bonus - (GAP_OPEN + (j - positions[i - 1] - 2) * GAP_EXTEND);
                run = bonus;
            }
            if (typed[i] != query[i] && path.path.charAt(j) == typed[i]) {
                score += CASE_BONUS;
            }
        }
        return score;
    }

    private static int bonus(String text, int j) {
        if (j == 0) {
            return BONUS_SEGMENT;
        }
        var previous = text.charAt(j - 1);
        var current = text.charAt(j);
        if (previous == '/') {
            return BONUS_SEGMENT;
        }
        if (previous == '_' || previous == '-' || previous == '.' || previous == ' ') {
            return BONUS_SEPARATOR;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(current)) {
            return BONUS_CAMEL;
        }
        if (Character.isDigit(current) && !Character.isDigit(previous)) {
            return BONUS_DIGIT;
        }
        return 0;
    }
}
