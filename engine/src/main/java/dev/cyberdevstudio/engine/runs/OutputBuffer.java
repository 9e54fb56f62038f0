package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.sandbox.run.OutputChunk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest output of a run, bounded in characters: a run that floods its output keeps only its tail, so that a
 * studio that runs it for an hour holds megabytes, not gigabytes. Not thread-safe; {@link RunSession} guards it.
 */
final class OutputBuffer {

    private final int capacity;
    private final ArrayDeque<OutputChunk> chunks = new ArrayDeque<>();
    private long size;
    private long dropped;

    OutputBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
    }

    void append(OutputChunk chunk) {
        var text = chunk.text();
        if (text.isEmpty()) {
            return;
        }
        if (text.length() > capacity) {
            dropped += text.length() - capacity;
            chunk = new OutputChunk(chunk.channel(), text.substring(text.length() - capacity));
        }
        chunks.addLast(chunk);
        size += chunk.text().length();
        while (size > capacity) {
            var oldest = chunks.removeFirst();
            var excess = size - capacity;
            if (oldest.text().length() > excess) {
                var kept = oldest.text().substring((int) excess);
                chunks.addFirst(new OutputChunk(oldest.channel(), kept));
                size -= excess;
                dropped += excess;
            } else {
                size -= oldest.text().length();
                dropped += oldest.text().length();
            }
        }
    }

    List<OutputChunk> chunks() {
        return List.copyOf(new ArrayList<>(chunks));
    }

    String text() {
        var text = new StringBuilder((int) size);
        chunks.forEach(chunk -> text.append(chunk.text()));
        return text.toString();
    }

    /** The last {@code length} characters, or all of them. */
    String tail(int length) {
        var text = text();
        return text.length() <= length ? text : text.substring(text.length() - length);
    }

    /** How many characters were dropped from the front to keep within the capacity. */
    long dropped() {
        return dropped;
    }
}
