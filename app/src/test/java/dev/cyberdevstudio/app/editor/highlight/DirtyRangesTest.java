package dev.cyberdevstudio.app.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.syntax.TextRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirtyRangesTest {

    @Test
    void mergesOverlappingAndTouchingRanges() {
        var dirty = new DirtyRanges();
        dirty.add(new TextRange(10, 20));
        dirty.add(new TextRange(30, 40));
        dirty.add(new TextRange(20, 25));
        dirty.add(new TextRange(0, 0));
        assertThat(dirty.ranges()).containsExactly(new TextRange(10, 25), new TextRange(30, 40));
        dirty.add(new TextRange(5, 35));
        assertThat(dirty.ranges()).containsExactly(new TextRange(5, 40));
    }

    @Test
    void removesTheMiddleOfARange() {
        var dirty = new DirtyRanges();
        dirty.add(new TextRange(0, 100));
        dirty.remove(new TextRange(40, 60));
        assertThat(dirty.ranges()).containsExactly(new TextRange(0, 40), new TextRange(60, 100));
        assertThat(dirty.intersects(new TextRange(40, 60))).isFalse();
        assertThat(dirty.intersects(new TextRange(59, 61))).isTrue();
        dirty.clip(50);
        assertThat(dirty.ranges()).containsExactly(new TextRange(0, 40));
    }

    @Test
    void followsEditsBeforeInsideAndAfterARange() {
        var dirty = new DirtyRanges();
        dirty.add(new TextRange(10, 20));
        dirty.add(new TextRange(50, 60));
        dirty.shift(0, 0, 5);
        assertThat(dirty.ranges()).containsExactly(new TextRange(15, 25), new TextRange(55, 65));
        dirty.shift(17, 2, 10);
        assertThat(dirty.ranges()).containsExactly(new TextRange(15, 33), new TextRange(63, 73));
        dirty.shift(60, 20, 0);
        assertThat(dirty.ranges()).containsExactly(new TextRange(15, 33));
    }

    @Test
    void takesTheChunkNearestTheViewportFirst() {
        var dirty = new DirtyRanges();
        dirty.add(new TextRange(0, 1000));
        var viewport = new TextRange(400, 500);
        var taken = new ArrayList<TextRange>();
        while (!dirty.isEmpty()) {
            taken.add(dirty.takeNear(viewport, 300).orElseThrow());
        }
        assertThat(taken).containsExactly(new TextRange(400, 700), new TextRange(100, 400),
                new TextRange(700, 1000), new TextRange(0, 100));
        assertThat(dirty.takeNear(viewport, 300)).isEmpty();
    }

    @Test
    void takingEveryChunkCoversEveryDirtyCharOnce() {
        var random = new Random(3L);
        var dirty = new DirtyRanges();
        var expected = new BitSet();
        for (int i = 0; i < 50; i++) {
            var start = random.nextInt(10_000);
            var range = new TextRange(start, start + random.nextInt(300));
            dirty.add(range);
            expected.set(range.start(), range.end());
        }
        var covered = new BitSet();
        var viewport = new TextRange(5_000, 5_100);
        while (!dirty.isEmpty()) {
            var chunk = dirty.takeNear(viewport, 128).orElseThrow();
            assertThat(chunk.length()).isBetween(1, 128);
            assertThat(covered.get(chunk.start(), chunk.end()).isEmpty()).isTrue();
            covered.set(chunk.start(), chunk.end());
        }
        assertThat(covered).isEqualTo(expected);
    }
}
