package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangesAndSpansTest {

    @Test
    void aRangeKnowsItsLengthAndRejectsNegativeOrReversedBounds() {
        assertThat(new TextRange(3, 10).length()).isEqualTo(7);
        assertThat(new TextRange(4, 4).isEmpty()).isTrue();
        assertThat(new TextRange(4, 5).isEmpty()).isFalse();
        assertThatThrownBy(() -> new TextRange(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpanCoversAtLeastOneCharAndNamesItsClass() {
        assertThat(new StyleSpan(2, 3, "keyword").end()).isEqualTo(5);
        assertThatThrownBy(() -> new StyleSpan(-1, 3, "keyword")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StyleSpan(0, 0, "keyword")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StyleSpan(0, 1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStyleClassesAreTheSeventeenThemesColour() {
        assertThat(StyleSpan.STYLE_CLASSES).hasSize(17).doesNotHaveDuplicates()
                .contains("keyword", "string", "comment", "heading", "link", "escape", "builtin", "variable");
    }
}
