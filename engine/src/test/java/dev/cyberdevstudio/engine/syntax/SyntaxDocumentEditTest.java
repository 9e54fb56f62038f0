package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntaxDocumentEditTest {

    private static final List<String> FRAGMENTS = List.of("x", "_", " ", "\n", "1", ";", "{", "}", "(", ")", "\"",
            "'", "/*", "*/", "//", "int a = 1;", "class C {}", "return null;", "é", "日本", "😀", "\t", "\\n",
            "@Override\n", "if (a) {\n}\n", "\"str\"", "#", "- ", "<p>", "</p>", "`", "*", ": ", "$x", "[", "]");

    @Test
    void randomEditsLeaveTheSameSpansAsAFreshParse() {
        var random = new Random(20261122L);
        var expected = new StringBuilder(GeneratedJava.source(30));
        try (var document = SyntaxDocument.open(Language.JAVA, expected.toString())) {
            for (int step = 1; step <= 300; step++) {
                var start = safeOffset(expected, random.nextInt(expected.length() + 1));
                var removed = Math.min(random.nextInt(6), expected.length() - start);
                if (start + removed < expected.length() && Character.isLowSurrogate(expected.charAt(start + removed))) {
                    removed++;
                }
                var inserted = random.nextInt(4) == 0 ? "" : FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
                expected.replace(start, start + removed, inserted);
                document.edit(start, removed, inserted);
                if (step % 25 == 0) {
                    assertSameAsFreshParse(document, expected.toString());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageKeepsItsSpansThroughRandomEdits(Language language) {
        var random = new Random(language.ordinal() * 31L + 5);
        var expected = new StringBuilder(Samples.of(language));
        try (var document = SyntaxDocument.open(language, expected.toString())) {
            for (int step = 1; step <= 120; step++) {
                var start = safeOffset(expected, random.nextInt(expected.length() + 1));
                var removed = Math.min(random.nextInt(4), expected.length() - start);
                if (start + removed < expected.length() && Character.isLowSurrogate(expected.charAt(start + removed))) {
                    removed++;
                }
                var inserted = random.nextInt(3) == 0 ? "" : FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
                expected.replace(start, start + removed, inserted);
                document.edit(start, removed, inserted);
                if (step % 10 == 0) {
                    assertThat(document.text()).isEqualTo(expected.toString());
                    try (var fresh = SyntaxDocument.open(language, expected.toString())) {
                        assertThat(document.spans(0, expected.length())).as("%s after step %d", language, step)
                                .isEqualTo(fresh.spans(0, expected.length()));
                    }
                }
            }
        }
    }

    @Test
    void stylesChangeOnlyWithinWhatReparseReports() {
        var random = new Random(11L);
        var text = new StringBuilder(GeneratedJava.source(12));
        try (var document = SyntaxDocument.open(Language.JAVA, text.toString())) {
            var before = styleOfEachChar(document);
            for (int step = 0; step < 150; step++) {
                var newOffsetOf = new int[text.length() + 1];
                Arrays.setAll(newOffsetOf, i -> i);
                var edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    var start = safeOffset(text, random.nextInt(text.length() + 1));
                    var removed = Math.min(random.nextInt(4), text.length() - start);
                    if (start + removed < text.length() && Character.isLowSurrogate(text.charAt(start + removed))) {
                        removed++;
                    }
                    var inserted = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
                    text.replace(start, start + removed, inserted);
                    document.edit(start, removed, inserted);
                    for (int i = 0; i < newOffsetOf.length; i++) {
                        var offset = newOffsetOf[i];
                        if (offset >= start + removed) {
                            newOffsetOf[i] = offset + inserted.length() - removed;
                        } else if (offset >= start) {
                            newOffsetOf[i] = -1;
                        }
                    }
                    if (random.nextBoolean()) {
                        document.spans(0, Math.min(50, document.length()));
                    }
                }
                var changed = document.reparse().orElseThrow();
                var after = styleOfEachChar(document);
                for (int old = 0; old < before.length; old++) {
                    var now = newOffsetOf[old];
                    if (now >= 0 && (now < changed.start() || now >= changed.end())) {
                        assertThat(after[now]).as("style at %d (was %d) after step %d, outside %s", now, old,
                                step, changed).isEqualTo(before[old]);
                    }
                }
                before = after;
            }
        }
    }

    @Test
    void typingThenDeletingItRestoresTheOriginalSpans() {
        var random = new Random(7L);
        var original = GeneratedJava.source(20);
        try (var document = SyntaxDocument.open(Language.JAVA, original)) {
            var before = document.spans(0, original.length());
            var caret = safeOffset(original, random.nextInt(original.length()));
            var typed = "if (x) { /* é 日本 😀 \"";
            for (int i = 0; i < typed.length(); i++) {
                document.edit(caret + i, 0, typed.substring(i, i + 1));
                document.spans(Math.max(0, caret - 200), Math.min(document.length(), caret + 200));
            }
            for (int i = typed.length() - 1; i >= 0; i--) {
                document.edit(caret + i, 1, "");
                document.reparse();
            }
            assertThat(document.text()).isEqualTo(original);
            assertThat(document.spans(0, original.length())).isEqualTo(before);
        }
    }

    @Test
    void aKeywordTypedInPlaceIsStyledAfterTheReparse() {
        try (var document = SyntaxDocument.open(Language.JAVA, "clas A {}\n")) {
            assertThat(Styles.of(document, "clas")).isNotEqualTo("keyword");
            document.edit(4, 0, "s");
            assertThat(Styles.of(document, "class")).isEqualTo("keyword");
            assertThat(Styles.of(document, "A")).isEqualTo("type");
        }
    }

    @Test
    void reparseReportsTheEditedLinesOnceAndThenNothing() {
        var text = "class A {\n    int a = 1;\n    int b = 2;\n}\n";
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            assertThat(document.reparse()).isEmpty();
            var at = text.indexOf("1;");
            document.edit(at, 1, "42");
            var changed = document.reparse().orElseThrow();
            var line = "    int a = 42;";
            var lineStart = document.text().indexOf(line);
            assertThat(changed.start()).isLessThanOrEqualTo(lineStart);
            assertThat(changed.end()).isGreaterThanOrEqualTo(lineStart + line.length());
            assertThat(document.reparse()).isEmpty();
        }
    }

    @Test
    void reparseReportsTextWhoseMeaningChangedAwayFromTheEdit() {
        var text = "class A {}\n/*\nclass B {}\n*/\nclass C {}\n";
        try (var document = SyntaxDocument.open(Language.JAVA, text)) {
            assertThat(Styles.of(document, "class B {}")).isEqualTo("comment");
            document.edit(text.indexOf("/*") + 2, 0, "*/");
            var changed = document.reparse().orElseThrow();
            var classB = document.text().indexOf("class B");
            assertThat(changed.start()).isLessThanOrEqualTo(classB);
            assertThat(changed.end()).isGreaterThan(classB);
            assertThat(Styles.within(document, "class B", "class")).isEqualTo("keyword");
        }
    }

    @Test
    void changesOfSeveralEditsAreShiftedByTheEditsAfterThem() {
        var text = "a\nb\nc\nd\ne\n";
        try (var document = SyntaxDocument.open(Language.PYTHON, text)) {
            document.edit(text.indexOf('d'), 1, "dd");
            document.edit(0, 2, "");
            var changed = document.reparse().orElseThrow();
            assertThat(changed.start()).isZero();
            assertThat(document.text().substring(changed.start(), changed.end())).contains("dd");
        }
    }

    @Test
    void anEmptyEditChangesNothing() {
        try (var document = SyntaxDocument.open(Language.JAVA, "class A {}")) {
            document.edit(3, 0, "");
            assertThat(document.reparse()).isEmpty();
            assertThat(document.text()).isEqualTo("class A {}");
        }
    }

    @Test
    void rejectsEditsAndRangesOutsideTheText() {
        try (var document = SyntaxDocument.open(Language.JAVA, "class A {}")) {
            assertThatThrownBy(() -> document.edit(-1, 0, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.edit(5, 6, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.edit(0, -1, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.edit(2, Integer.MAX_VALUE, "")).isInstanceOf(
                    IllegalArgumentException.class);
            assertThatThrownBy(() -> document.spans(-1, 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.spans(4, 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.spans(0, 11)).isInstanceOf(IllegalArgumentException.class);
            assertThat(document.text()).isEqualTo("class A {}");
        }
    }

    @Test
    void readsSingleCharsOfTheCurrentText() {
        try (var document = SyntaxDocument.open(Language.JAVA, "class A {}")) {
            document.edit(0, 0, "😀");
            assertThat(Character.isHighSurrogate(document.charAt(0))).isTrue();
            assertThat(document.charAt(2)).isEqualTo('c');
            assertThatThrownBy(() -> document.charAt(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> document.charAt(12)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertSameAsFreshParse(SyntaxDocument document, String expectedText) {
        assertThat(document.text()).isEqualTo(expectedText);
        try (var fresh = SyntaxDocument.open(Language.JAVA, expectedText)) {
            assertThat(document.spans(0, expectedText.length())).isEqualTo(fresh.spans(0, expectedText.length()));
        }
    }

    private static String[] styleOfEachChar(SyntaxDocument document) {
        var styles = new String[document.length()];
        Arrays.fill(styles, Styles.NONE);
        for (var span : document.spans(0, document.length())) {
            Arrays.fill(styles, span.start(), span.end(), span.styleClass());
        }
        return styles;
    }

    /** Moves an offset off the middle of a surrogate pair, where no editor puts a caret. */
    private static int safeOffset(CharSequence text, int offset) {
        return offset > 0 && offset < text.length() && Character.isLowSurrogate(text.charAt(offset))
                ? offset - 1 : offset;
    }
}
