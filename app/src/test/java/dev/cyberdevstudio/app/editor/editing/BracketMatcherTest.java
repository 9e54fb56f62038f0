package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class BracketMatcherTest {

    private static final IntPredicate ALL_CODE = offset -> true;

    @Test
    void matchesTheBracketBeforeTheCaretFirst() {
        var text = "f(a[1])";

        var match = BracketMatcher.at(text, 7, ALL_CODE).orElseThrow();

        assertThat(match.bracket()).isEqualTo(6);
        assertThat(match.partner()).hasValue(1);
        assertThat(BracketMatcher.at(text, 3, ALL_CODE).orElseThrow().partner()).hasValue(5);
        assertThat(BracketMatcher.at(text, 1, ALL_CODE).orElseThrow().bracket()).isEqualTo(1);
    }

    @Test
    void skipsBracketsInStringsAndComments() {
        var text = "f(\")\", x)";
        int quoted = text.indexOf(')');
        IntPredicate code = offset -> offset != quoted;

        assertThat(BracketMatcher.at(text, 1, code).orElseThrow().partner()).hasValue(text.length() - 1);
        assertThat(BracketMatcher.at(text, quoted + 1, code)).isEmpty();
    }

    @Test
    void marksAnUnmatchedBracket() {
        var match = BracketMatcher.at("{ a(", 1, ALL_CODE).orElseThrow();

        assertThat(match.matched()).isFalse();
        assertThat(BracketMatcher.at("abc", 1, ALL_CODE)).isEmpty();
    }

    @Test
    void otherKindsOfBracketDoNotBreakTheMatch() {
        assertThat(BracketMatcher.partner("(a ] b)", 0, ALL_CODE)).hasValue(6);
        assertThat(BracketMatcher.partner("x", 0, ALL_CODE)).isEmpty();
    }

    @Test
    void jumpsToThePartnerAndBack() {
        var text = "if (x) { y(); }";
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');

        assertThat(BracketMatcher.jumpTarget(text, open + 1, ALL_CODE)).hasValue(close);
        assertThat(BracketMatcher.jumpTarget(text, close, ALL_CODE)).isEqualTo(OptionalInt.of(open + 1));
        assertThat(BracketMatcher.jumpTarget(text, open, ALL_CODE)).hasValue(close + 1);
    }

    @Test
    void jumpsFromInsideToTheCloserOfTheEnclosingPair() {
        var text = "f(a, [b], c)";

        assertThat(BracketMatcher.jumpTarget(text, 10, ALL_CODE)).hasValue(11);
        assertThat(BracketMatcher.jumpTarget("plain", 2, ALL_CODE)).isEmpty();
    }

    @Test
    void aPartnerTooFarAwayIsNeitherMatchedNorMarkedUnmatched() {
        var text = "(" + "x".repeat(BracketMatcher.SCAN_LIMIT) + ")";

        assertThat(BracketMatcher.at(text, 1, ALL_CODE)).isEmpty();
        assertThat(BracketMatcher.partner(text, 0, ALL_CODE)).isEmpty();
        assertThat(BracketMatcher.isBracket('x')).isFalse();
    }
}
