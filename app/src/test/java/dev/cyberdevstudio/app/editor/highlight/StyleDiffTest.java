package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;

class StyleDiffTest {

    /** Spans from "style:length" pairs, e.g. "keyword:5 :1 string:7"; an empty style before the colon is no class. */
    private static StyleSpans<Collection<String>> spans(String description) {
        var builder = new StyleSpansBuilder<Collection<String>>();
        for (var part : description.split(" ")) {
            var style = part.substring(0, part.indexOf(':'));
            int length = Integer.parseInt(part.substring(part.indexOf(':') + 1));
            builder.add(style.isEmpty() ? List.of() : List.of(style), length);
        }
        return builder.create();
    }

    @Test
    void equalStylesMeanNothingToSetEvenWhenSplitDifferently() {
        assertThat(StyleDiff.changed(spans("keyword:5 :1 string:7"), spans("keyword:5 :1 string:7"))).isEmpty();
        assertThat(StyleDiff.changed(spans("keyword:2 keyword:3 :1"), spans("keyword:5 :1"))).isEmpty();
    }

    @Test
    void onlyTheDifferingMiddleIsReported() {
        var before = spans("keyword:5 :10 string:7 :3");
        var after = spans("keyword:5 :4 type:3 :3 string:7 :3");

        assertThat(StyleDiff.changed(before, after)).contains(new TextRange(9, 12));
    }

    @Test
    void aChangeAtEitherEndIsFound() {
        assertThat(StyleDiff.changed(spans(":4 :4"), spans("comment:1 :7"))).contains(new TextRange(0, 1));
        assertThat(StyleDiff.changed(spans(":8"), spans(":7 comment:1"))).contains(new TextRange(7, 8));
    }

    @Test
    void spansOfAnotherLengthDifferFromTheirCommonPrefixToTheEnd() {
        assertThat(StyleDiff.changed(spans("keyword:5 :3"), spans("keyword:5 :1 string:4")))
                .contains(new TextRange(6, 10));
        assertThat(StyleDiff.changed(spans("keyword:5 :3"), spans("keyword:5 :5"))).contains(new TextRange(8, 10));
    }
}
