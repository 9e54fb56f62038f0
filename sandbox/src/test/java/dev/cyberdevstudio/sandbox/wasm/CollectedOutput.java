package dev.cyberdevstudio.sandbox.wasm;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import java.util.ArrayList;
import java.util.List;

/** An output listener for tests: keeps every chunk, in order, from whichever thread delivers it. */
final class CollectedOutput implements OutputListener {

    private final List<OutputChunk> chunks = new ArrayList<>();

    @Override
    public synchronized void onOutput(OutputChunk chunk) {
        chunks.add(chunk);
    }

    static OutputListener ignoringOutput() {
        return OutputListener.ignoring();
    }

    synchronized List<OutputChunk> chunks() {
        return List.copyOf(chunks);
    }

    synchronized String text(OutputChannel channel) {
        var text = new StringBuilder();
        chunks.stream().filter(chunk -> chunk.channel() == channel).forEach(chunk -> text.append(chunk.text()));
        return text.toString();
    }

    String stdout() {
        return text(OutputChannel.STDOUT);
    }

    String stderr() {
        return text(OutputChannel.STDERR);
    }

    String sandbox() {
        return text(OutputChannel.SANDBOX);
    }
}
