package dev.cyberdevstudio.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How guest output reaches the listener: whole characters, within the budget, past a broken listener. */
class GuestOutputTest {

    @Test
    void holdsBackACharacterSplitAcrossWrites() {
        var output = new CollectedOutput();
        var stream = new GuestOutput(OutputChannel.STDOUT, new GuestOutput.Budget(1000, output));
        var bytes = "é€".getBytes(StandardCharsets.UTF_8);

        stream.write(bytes, 0, 1);
        stream.write(Arrays.copyOfRange(bytes, 1, bytes.length - 1), 0, bytes.length - 2);
        stream.write(bytes[bytes.length - 1]);

        assertThat(output.chunks()).containsExactly(new OutputChunk(OutputChannel.STDOUT, "é"),
            new OutputChunk(OutputChannel.STDOUT, "€"));
    }

    @Test
    void anIncompleteCharacterAtTheEndBecomesAReplacementMark() {
        var output = new CollectedOutput();
        var stream = new GuestOutput(OutputChannel.STDERR, new GuestOutput.Budget(1000, output));

        stream.write(new byte[] {'a', (byte) 0xe2, (byte) 0x82}, 0, 3);
        stream.finish();

        assertThat(output.stderr()).isEqualTo("a\uFFFD");
    }

    @Test
    void bothStreamsShareOneBudgetAndTheMarkerComesOnce() {
        var output = new CollectedOutput();
        var budget = new GuestOutput.Budget(6, output);
        var stdout = new GuestOutput(OutputChannel.STDOUT, budget);
        var stderr = new GuestOutput(OutputChannel.STDERR, budget);

        stdout.write("abcd".getBytes(StandardCharsets.UTF_8), 0, 4);
        stderr.write("efgh".getBytes(StandardCharsets.UTF_8), 0, 4);
        stdout.write("ijkl".getBytes(StandardCharsets.UTF_8), 0, 4);

        assertThat(output.stdout()).isEqualTo("abcd");
        assertThat(output.stderr()).isEqualTo("ef");
        assertThat(output.sandbox())
            .isEqualTo("\n[output cut: the run wrote more than 6 bytes; the rest was dropped]\n");
        assertThat(budget.truncated()).isTrue();
    }

    @Test
    void aThrowingListenerDoesNotStopTheGuest() {
        var calls = new int[1];
        var stream = new GuestOutput(OutputChannel.STDOUT, new GuestOutput.Budget(100, chunk -> {
            calls[0]++;
            throw new IllegalStateException("listener broke");
        }));

        stream.write("one".getBytes(StandardCharsets.UTF_8), 0, 3);
        stream.write("two".getBytes(StandardCharsets.UTF_8), 0, 3);

        assertThat(calls[0]).isEqualTo(2);
    }
}
