package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.syntax.StyleSpan;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class StyleSpansFactoryTest {

    @Test
    void fillsTheGapsAroundAndBetweenSpansWithNoClass() {
        var styles = StyleSpansFactory.of(List.of(new StyleSpan(12, 3, "keyword"), new StyleSpan(16, 2, "string")),
                10, 25);
        assertThat(styles.length()).isEqualTo(15);
        assertThat(classes(styles)).containsExactly(List.of(), List.of("keyword"), List.of(), List.of("string"),
                List.of());
        assertThat(styles.getStyleSpan(0).getLength()).isEqualTo(2);
        assertThat(styles.getStyleSpan(4).getLength()).isEqualTo(7);
    }

    @Test
    void spansThatFillTheRangeNeedNoGaps() {
        var styles = StyleSpansFactory.of(List.of(new StyleSpan(0, 5, "comment")), 0, 5);
        assertThat(classes(styles)).containsExactly(List.of("comment"));
    }

    @Test
    void aRangeWithoutSpansIsOneUnstyledRun() {
        var styles = StyleSpansFactory.of(List.of(), 3, 9);
        assertThat(styles.getSpanCount()).isEqualTo(1);
        assertThat(styles.length()).isEqualTo(6);
    }

    private static List<Collection<String>> classes(StyleSpans<Collection<String>> styles) {
        return styles.stream().map(org.fxmisc.richtext.model.StyleSpan::getStyle).toList();
    }
}
