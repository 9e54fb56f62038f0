package dev.cyberdevstudio.engine.diff;

import com.github.difflib.DiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words that changed between an old line and the new line that replaced it. Lines are cut into words, runs of
 * spaces and single other characters, so that a renamed identifier shows as one change rather than a scatter of
 * letters.
 */
final class IntraLine {

    /** Lines longer than this are marked as a whole: a word diff of minified text helps nobody and costs time. */
    static final int MAX_LINE = 2_000;

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);

    record Changes(List<CharRange> left, List<CharRange> right) {
    }

    private IntraLine() {
    }

    static Changes between(String left, String right) {
        if (left.equals(right)) {
            return new Changes(List.of(), List.of());
        }
        if (left.length() > MAX_LINE || right.length() > MAX_LINE) {
            return new Changes(whole(left), whole(right));
        }
        var leftTokens = tokens(left);
        var rightTokens = tokens(right);
        var patch = DiffUtils.diff(texts(leftTokens), texts(rightTokens));
        var leftRanges = new ArrayList<CharRange>();
        var rightRanges = new ArrayList<CharRange>();
        for (var delta : patch.getDeltas()) {
            span(leftTokens, delta.getSource().getPosition(), delta.getSource().size(), left.length())
                    .ifPresent(leftRanges::add);
            span(rightTokens, delta.getTarget().getPosition(), delta.getTarget().size(), right.length())
                    .ifPresent(rightRanges::add);
        }
        return new Changes(leftRanges, rightRanges);
    }

    private static List<CharRange> whole(String line) {
        return line.isEmpty() ? List.of() : List.of(new CharRange(0, line.length()));
    }

    private record Token(String text, int start) {
    }

    private static List<Token> tokens(String line) {
        var tokens = new ArrayList<Token>();
        var matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start()));
        }
        return tokens;
    }

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    private static Optional<CharRange> span(List<Token> tokens, int position, int size, int length) {
        if (size == 0) {
            return Optional.empty();
        }
        int start = tokens.get(position).start();
        int last = position + size - 1;
        int end = last + 1 < tokens.size() ? tokens.get(last + 1).start() : length;
        return Optional.of(new CharRange(start, end));
    }
}
