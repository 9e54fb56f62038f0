package dev.cyberdevstudio.sandbox.wasm;

import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of a guest's output streams (stdout or stderr), handed to WASI: forwards each write to the listener at once,
 * decoded as UTF-8 (a character split across two writes is held back until it is whole), within a byte budget shared
 * by both streams. Past the budget the rest is dropped and one marker says so; the guest is not told and runs on.
 */
final class GuestOutput extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(GuestOutput.class);

    /** The byte budget both streams of one run draw from, and the one place the truncation marker is written. */
    static final class Budget {
        private final long limit;
        private final OutputListener listener;
        private long used;
        private boolean truncated;

        Budget(long limit, OutputListener listener) {
            this.limit = limit;
            this.listener = listener;
        }

        /** How many of {@code wanted} bytes may still pass. */
        synchronized int take(int wanted) {
            long allowed = Math.min(wanted, limit - used);
            used += allowed;
            return (int) allowed;
        }

        /** Marks the output as cut; the first time, tells the listener after the last bytes that passed. */
        synchronized void cut() {
            if (!truncated) {
                truncated = true;
                deliver(listener, new OutputChunk(OutputChannel.SANDBOX,
                    "\n[output cut: the run wrote more than " + limit + " bytes; the rest was dropped]\n"));
            }
        }

        synchronized boolean truncated() {
            return truncated;
        }

        OutputListener listener() {
            return listener;
        }
    }

    private final OutputChannel channel;
    private final Budget budget;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] pending = new byte[0];

    GuestOutput(OutputChannel channel, Budget budget) {
        this.channel = channel;
        this.budget = budget;
    }

    /** Hands a chunk to a listener; a listener that throws is logged and ignored, as OutputListener promises. */
    static void deliver(OutputListener listener, OutputChunk chunk) {
        try {
            listener.onOutput(chunk);
        } catch (RuntimeException e) {
            LOG.warn("An output listener failed; its output is ignored", e);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int allowed = budget.take(length);
        if (allowed > 0) {
            decode(bytes, offset, allowed, false);
        }
        if (allowed < length) {
            // Whatever is held back of a split character will never be completed: drop it with the rest.
            pending = new byte[0];
            budget.cut();
        }
    }

    /** Emits whatever is held back at the end of the run (an incomplete character becomes a replacement mark). */
    synchronized void finish() {
        decode(new byte[0], 0, 0, true);
    }

    private void decode(byte[] bytes, int offset, int length, boolean endOfInput) {
        var in = ByteBuffer.allocate(pending.length + length).put(pending).put(bytes, offset, length).flip();
        var out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, endOfInput);
        if (endOfInput) {
            decoder.flush(out);
            decoder.reset();
        }
        pending = new byte[in.remaining()];
        in.get(pending);
        out.flip();
        if (out.hasRemaining()) {
            deliver(budget.listener(), new OutputChunk(channel, out.toString()));
        }
    }
}
