package dev.cyberdevstudio.app.terminal;

import com.pty4j.PtyProcess;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a JediTermFX terminal to a shell running in a pseudo-terminal (pty4j).
 *
 * <p>When the shell's side of the pseudo-terminal closes, the reader hands the terminal one more line,
 * {@code [process exited with code N]}, before the end of the stream, so that the user sees why the terminal went
 * quiet and the tab stays open on the last output. {@link #close()} ends the shell and every process it started.
 */
final class PtyTtyConnector implements TtyConnector {

    private static final Logger LOG = LoggerFactory.getLogger(PtyTtyConnector.class);

    /** How long the shell may take to exit after its output ended, before the banner says it did not. */
    private static final Duration EXIT_AFTER_EOF = Duration.ofSeconds(2);

    private final PtyProcess process;
    private final String name;
    private final Duration grace;
    private final InputStreamReader reader;
    private final OutputStream writer;
    private final Charset charset;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closing = new CompletableFuture<>();
    private String tail;
    private int tailOffset;
    private boolean ended;

    PtyTtyConnector(PtyProcess process, Charset charset, String name, Duration grace) {
        this.process = process;
        this.charset = charset;
        this.name = name;
        this.grace = grace;
        this.reader = new InputStreamReader(process.getInputStream(), charset);
        this.writer = process.getOutputStream();
    }

    /** The banner the terminal shows once the shell has exited. */
    static String exitBanner(int exitCode) {
        return "[process exited with code " + exitCode + "]";
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (tail == null) {
            int count = closed.get() ? -1 : readShell(buffer, offset, length);
            if (count >= 0) {
                return count;
            }
            if (closed.get()) {
                return -1;
            }
            tail = "\r\n" + exitDescription() + "\r\n";
        }
        if (tailOffset >= tail.length()) {
            ended = true;
            return -1;
        }
        int count = Math.min(length, tail.length() - tailOffset);
        tail.getChars(tailOffset, tailOffset + count, buffer, offset);
        tailOffset += count;
        return count;
    }

    private int readShell(char[] buffer, int offset, int length) throws IOException {
        try {
            return reader.read(buffer, offset, length);
        } catch (IOException endOfTerminal) {
            // Linux answers a read on a pseudo-terminal whose other side is gone with EIO: the shell ended.
            LOG.debug("Reading terminal {} ended", name, endOfTerminal);
            return -1;
        }
    }

    private String exitDescription() {
        try {
            if (process.waitFor(EXIT_AFTER_EOF.toMillis(), TimeUnit.MILLISECONDS)) {
                return exitBanner(process.exitValue());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return "[the process closed the terminal]";
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        writer.write(bytes);
        writer.flush();
    }

    @Override
    public void write(String text) throws IOException {
        write(text.getBytes(charset));
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && process.isAlive();
    }

    @Override
    public void resize(TermSize size) {
        if (isConnected()) {
            try {
                process.setWinSize(new WinSize(size.getColumns(), size.getRows()));
            } catch (IllegalStateException terminalGone) {
                LOG.debug("Could not resize terminal {} to {}", name, size, terminalGone);
            }
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public boolean ready() throws IOException {
        return tail != null ? !ended : reader.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * Ends the shell and its descendants; blocks up to twice the grace period. The widget and the view model both
     * close, from different threads: the second caller waits for the first to finish, so that whoever waits on a
     * close knows the processes are gone. Never call it on the FX thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            closing.join();
            return;
        }
        try {
            if (process.isAlive()) {
                ProcessHandle.of(process.pid()).ifPresent(shell -> ProcessTree.terminate(shell, this::hangUp, grace));
            }
            closeQuietly(writer);
            // The raw stream, not the reader: the emulator thread may sit in reader.read() holding the reader's lock.
            closeQuietly(process.getInputStream());
        } finally {
            closing.complete(null);
        }
    }

    PtyProcess process() {
        return process;
    }

    private void hangUp() {
        if (process instanceof UnixPtyProcess unix) {
            unix.hangup();
        } else {
            process.destroy();
        }
    }

    private void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException alreadyGone) {
            LOG.debug("Closing terminal {} stream", name, alreadyGone);
        }
    }
}
