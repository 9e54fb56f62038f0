package dev.cyberdevstudio.app.editor.editing;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * Finds the partner of a bracket ({@code ( ) [ ] { }}) in a text. Brackets for which {@code isCode} says false
 * (inside strings and comments, as the highlighter styled them) are not counted; only brackets of the same kind
 * nest, so that a stray {@code ]} does not break the matching of parentheses around it.
 *
 * <pre>{@code
 * BracketMatcher.at("f(a[1])", 7, offset -> true)   // the ")" at 6, partner 1
 * }</pre>
 */
public final class BracketMatcher {

    private static final String OPENERS = "([{";
    private static final String CLOSERS = ")]}";
    /**
     * How far to look for a partner (some 25k lines of code): past it a bracket is neither matched nor marked
     * unmatched, so that a keystroke beside the outer brace of a huge file stays cheap.
     */
    static final int SCAN_LIMIT = 1_000_000;
    private static final int NOT_FOUND = -1;
    private static final int GAVE_UP = -2;

    private BracketMatcher() {
    }

    /**
     * A bracket and where its partner is (empty when it has none).
     *
     * @param bracket offset of the bracket next to the caret
     * @param partner offset of the bracket that closes or opens it
     */
    public record Match(int bracket, OptionalInt partner) {

        public boolean matched() {
            return partner.isPresent();
        }
    }

    /**
     * The bracket next to the caret: the char before it when that is a bracket in code, otherwise the char after
     * it; empty when neither is.
     */
    public static Optional<Match> at(CharSequence text, int caret, IntPredicate isCode) {
        for (int offset : new int[] {caret - 1, caret}) {
            if (offset >= 0 && offset < text.length() && isBracket(text.charAt(offset)) && isCode.test(offset)) {
                int partner = scan(text, offset, isCode);
                return partner == GAVE_UP ? Optional.empty()
                        : Optional.of(new Match(offset, partner < 0 ? OptionalInt.empty() : OptionalInt.of(partner)));
            }
        }
        return Optional.empty();
    }

    /** The partner of the bracket at {@code bracket}; empty when there is none within {@link #SCAN_LIMIT}. */
    public static OptionalInt partner(CharSequence text, int bracket, IntPredicate isCode) {
        int partner = scan(text, bracket, isCode);
        return partner < 0 ? OptionalInt.empty() : OptionalInt.of(partner);
    }

    private static int scan(CharSequence text, int bracket, IntPredicate isCode) {
        char kind = text.charAt(bracket);
        int opener = OPENERS.indexOf(kind);
        boolean forward = opener >= 0;
        int pair = forward ? opener : CLOSERS.indexOf(kind);
        if (pair < 0) {
            return NOT_FOUND;
        }
        char same = OPENERS.charAt(pair);
        char other = CLOSERS.charAt(pair);
        if (!forward) {
            same = other;
            other = OPENERS.charAt(pair);
        }
        int depth = 0;
        int step = forward ? 1 : -1;
        int room = forward ? text.length() - bracket : bracket + 1;
        int limit = Math.min(SCAN_LIMIT, room);
        for (int i = 1; i < limit; i++) {
            int at = bracket + i * step;
            char c = text.charAt(at);
            if ((c == same || c == other) && isCode.test(at)) {
                if (c == same) {
                    depth++;
                } else if (depth == 0) {
                    return at;
                } else {
                    depth--;
                }
            }
        }
        return limit < room ? GAVE_UP : NOT_FOUND;
    }

    /** The innermost pair of brackets around {@code offset} that are both there, as a match of its opener. */
    public static Optional<Match> enclosing(CharSequence text, int offset, IntPredicate isCode) {
        int[] depth = new int[OPENERS.length()];
        int stop = Math.max(0, offset - SCAN_LIMIT);
        for (int at = offset - 1; at >= stop; at--) {
            char c = text.charAt(at);
            int closer = CLOSERS.indexOf(c);
            int opener = OPENERS.indexOf(c);
            if ((closer >= 0 || opener >= 0) && isCode.test(at)) {
                if (closer >= 0) {
                    depth[closer]++;
                } else if (depth[opener] > 0) {
                    depth[opener]--;
                } else {
                    var partner = partner(text, at, isCode);
                    if (partner.isPresent()) {
                        return Optional.of(new Match(at, partner));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where "jump to matching bracket" puts the caret: from just inside a bracket to just inside its partner, from
     * just outside to just outside (so that a second jump comes back), and from elsewhere to the closer of the
     * enclosing pair.
     */
    public static OptionalInt jumpTarget(CharSequence text, int caret, IntPredicate isCode) {
        var beside = at(text, caret, isCode).filter(Match::matched);
        if (beside.isPresent()) {
            int partner = beside.get().partner().getAsInt();
            return OptionalInt.of(beside.get().bracket() == caret - 1 ? partner : partner + 1);
        }
        return enclosing(text, caret, isCode).map(match -> OptionalInt.of(match.partner().getAsInt()))
                .orElse(OptionalInt.empty());
    }

    public static boolean isBracket(char c) {
        return OPENERS.indexOf(c) >= 0 || CLOSERS.indexOf(c) >= 0;
    }

    /** The closer of an opening bracket, or 0. */
    static char closerOf(char opener) {
        int index = OPENERS.indexOf(opener);
        return index < 0 ? 0 : CLOSERS.charAt(index);
    }

    /** The opener of a closing bracket, or 0. */
    static char openerOf(char closer) {
        int index = CLOSERS.indexOf(closer);
        return index < 0 ? 0 : OPENERS.charAt(index);
    }
}
