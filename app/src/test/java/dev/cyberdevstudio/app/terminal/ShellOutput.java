package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Collects what a shell writes to its terminal, read on a virtual thread, as the emulator would. */
final class ShellOutput {

    private final StringBuilder text = new StringBuilder();
    private final Thread reader;
    private boolean ended;

    private ShellOutput(TtyConnector connector) {
        reader = Thread.ofVirtual().start(() -> {
            var buffer = new char[4096];
            try {
                int count;
                while ((count = connector.read(buffer, 0, buffer.length)) >= 0) {
                    synchronized (this) {
                        text.append(buffer, 0, count);
                        notifyAll();
                    }
                }
            } catch (IOException readFailed) {
                synchronized (this) {
                    text.append("\n<read failed: ").append(readFailed).append('>');
                }
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        });
    }

    static ShellOutput of(TtyConnector connector) {
        return new ShellOutput(connector);
    }

    synchronized String text() {
        return text.toString();
    }

    synchronized boolean ended() {
        return ended;
    }

    /** Waits until the text read so far satisfies {@code condition}; fails with the text when it does not in time. */
    synchronized String await(Predicate<String> condition, Duration timeout) throws InterruptedException,
            TimeoutException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(text.toString())) {
            var left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("terminal output so far:\n" + text);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return text.toString();
    }

    String awaitContains(String expected) throws InterruptedException, TimeoutException {
        return await(output -> output.contains(expected), Duration.ofSeconds(20));
    }

    /** Waits until the shell's output has ended (the reader saw the end of the stream). */
    synchronized void awaitEnd(Duration timeout) throws InterruptedException, TimeoutException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            var left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("terminal output did not end; so far:\n" + text);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    void stop() {
        reader.interrupt();
    }
}
