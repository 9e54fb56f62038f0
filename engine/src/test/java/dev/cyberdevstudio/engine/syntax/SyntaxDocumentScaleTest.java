package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 100k-line file: a viewport deep inside it is styled exactly as the same code in a small file, before and
 * after an edit. (How fast is {@code SyntaxBench}'s business; a test only checks what comes back.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntaxDocumentScaleTest {

    private static final int METHODS = 10_000;
    private static final int VIEWPORT_METHOD = 6_000;

    private String bigText;
    private SyntaxDocument big;
    private SyntaxDocument small;

    @BeforeAll
    void openBothFiles() {
        bigText = GeneratedJava.source(METHODS);
        big = SyntaxDocument.open(Language.JAVA, bigText);
        small = SyntaxDocument.open(Language.JAVA, GeneratedJava.source(3));
    }

    @AfterAll
    void closeBothFiles() {
        big.close();
        small.close();
    }

    @Test
    void theFileHasAHundredThousandLines() {
        assertThat(bigText.lines().count()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void aViewportDeepInsideIsStyledLikeTheSameCodeInASmallFile() {
        var methodLength = GeneratedJava.method(0).length();
        var viewport = viewportSpans(big, GeneratedJava.offsetOfMethod(VIEWPORT_METHOD), 6 * methodLength);
        var reference = viewportSpans(small, GeneratedJava.offsetOfMethod(1), methodLength);
        assertThat(viewport).hasSizeGreaterThan(6 * 20);
        for (int i = 0; i < 6; i++) {
            var shift = i * methodLength;
            var method = viewport.subList(i * reference.size(), (i + 1) * reference.size()).stream()
                    .map(span -> new StyleSpan(span.start() - shift, span.length(), span.styleClass()))
                    .toList();
            assertThat(method).as("method %d of the viewport", i).isEqualTo(reference);
        }
    }

    @Test
    void anEditInsideTheViewportIsStyledLikeTheSameEditInASmallFile() {
        var methodLength = GeneratedJava.method(0).length();
        var editInMethod = GeneratedJava.method(0).indexOf("return total");
        var bigAt = GeneratedJava.offsetOfMethod(VIEWPORT_METHOD + 10) + editInMethod;
        var smallAt = GeneratedJava.offsetOfMethod(1) + editInMethod;
        big.edit(bigAt, 0, "total = 0; ");
        small.edit(smallAt, 0, "total = 0; ");
        var edited = methodLength + "total = 0; ".length();
        var viewport = viewportSpans(big, GeneratedJava.offsetOfMethod(VIEWPORT_METHOD + 10), edited);
        var reference = viewportSpans(small, GeneratedJava.offsetOfMethod(1), edited);
        assertThat(viewport).isEqualTo(reference).isNotEmpty();
        assertThat(big.reparse()).hasValueSatisfying(changed -> assertThat(changed.length()).isLessThan(200));
        big.edit(bigAt, "total = 0; ".length(), "");
        small.edit(smallAt, "total = 0; ".length(), "");
    }

    /** The spans of {@code [start, start + length)}, moved to start at offset 0. */
    private static List<StyleSpan> viewportSpans(SyntaxDocument document, int start, int length) {
        return document.spans(start, start + length).stream()
                .map(span -> new StyleSpan(span.start() - start, span.length(), span.styleClass()))
                .toList();
    }
}
