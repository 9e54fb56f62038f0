package dev.cyberdevstudio.engine.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void findsTheLineOfEveryOffset() {
        var index = new LineIndex("ab\n\ncd\n");
        assertThat(index.lineCount()).isEqualTo(4);
        assertThat(List.of(index.lineOf(0), index.lineOf(2), index.lineOf(3), index.lineOf(4), index.lineOf(7)))
                .containsExactly(0, 0, 1, 2, 3);
        assertThat(index.lineStart(2)).isEqualTo(4);
    }

    @Test
    void staysEqualToAFreshIndexThroughRandomEdits() {
        var random = new Random(42L);
        var pieces = List.of("", "a", "\n", "ab\ncd", "\n\n\n", "xyz");
        var text = new StringBuilder("one\ntwo\nthree\n");
        var index = new LineIndex(text);
        for (int step = 0; step < 2_000; step++) {
            var start = random.nextInt(text.length() + 1);
            var removed = random.nextInt(Math.min(8, text.length() - start) + 1);
            var inserted = pieces.get(random.nextInt(pieces.size()));
            text.replace(start, start + removed, inserted);
            index.edit(start, removed, inserted);
            var fresh = new LineIndex(text);
            assertThat(index.lineCount()).as("line count after step %d", step).isEqualTo(fresh.lineCount());
            for (int line = 0; line < fresh.lineCount(); line++) {
                assertThat(index.lineStart(line)).as("line %d after step %d", line, step)
                        .isEqualTo(fresh.lineStart(line));
            }
        }
    }
}
