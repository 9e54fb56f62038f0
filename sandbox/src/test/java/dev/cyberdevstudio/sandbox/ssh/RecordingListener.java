package dev.cyberdevstudio.sandbox.ssh;

import static org.assertj.core.api.Assertions.fail;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Collects a run's output per channel and lets a test wait for some text to arrive. */
final class RecordingListener implements OutputListener {

    private final Map<OutputChannel, StringBuilder> text = new EnumMap<>(OutputChannel.class);
    private int chunks;

    @Override
    public synchronized void onOutput(OutputChunk chunk) {
        text.computeIfAbsent(chunk.channel(), channel -> new StringBuilder()).append(chunk.text());
        chunks++;
        notifyAll();
    }

    synchronized String text(OutputChannel channel) {
        var builder = text.get(channel);
        return builder == null ? "" : builder.toString();
    }

    synchronized int chunks() {
        return chunks;
    }

    synchronized void awaitText(OutputChannel channel, String expected, Duration timeout) throws InterruptedException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!text(channel).contains(expected)) {
            var left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no \"" + expected + "\" on " + channel + " within " + timeout + "; got \""
                        + text(channel) + "\"");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
