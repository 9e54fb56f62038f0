package dev.cyberdevstudio.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import org.junit.jupiter.api.Test;

class OutputBufferTest {

    @Test
    void keepsEverythingWithinItsCapacityInOrder() {
        var buffer = new OutputBuffer(10);
        buffer.append(out("abc"));
        buffer.append(err("de"));
        buffer.append(out(""));

        assertThat(buffer.text()).isEqualTo("abcde");
        assertThat(buffer.chunks()).containsExactly(out("abc"), err("de"));
        assertThat(buffer.dropped()).isZero();
    }

    @Test
    void dropsTheOldestCharactersFirstCuttingAChunkWhereItMust() {
        var buffer = new OutputBuffer(5);
        buffer.append(out("abc"));
        buffer.append(err("def"));

        assertThat(buffer.text()).isEqualTo("bcdef");
        assertThat(buffer.chunks()).containsExactly(out("bc"), err("def"));
        assertThat(buffer.dropped()).isEqualTo(1);

        buffer.append(out("gh"));
        assertThat(buffer.chunks()).containsExactly(err("def"), out("gh"));
        assertThat(buffer.dropped()).isEqualTo(3);
    }

    @Test
    void keepsTheEndOfAChunkLargerThanItsCapacity() {
        var buffer = new OutputBuffer(4);
        buffer.append(out("x"));
        buffer.append(out("0123456789"));

        assertThat(buffer.text()).isEqualTo("6789");
        assertThat(buffer.dropped()).isEqualTo(7);
        assertThat(buffer.tail(2)).isEqualTo("89");
        assertThat(buffer.tail(10)).isEqualTo("6789");
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new OutputBuffer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static OutputChunk out(String text) {
        return new OutputChunk(OutputChannel.STDOUT, text);
    }

    private static OutputChunk err(String text) {
        return new OutputChunk(OutputChannel.STDERR, text);
    }
}
