package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputChunk;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunHandle;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run started by {@link RunService}: what was asked, how it is confined, its output so far and its result.
 *
 * <pre>{@code
 * var session = runService.start(request);
 * try (var subscription = session.subscribe(chunk -> view.append(chunk))) { // replays what came before, then live
 *     var result = session.result().join();
 * }
 * }</pre>
 *
 * The output is kept in a bounded buffer (the latest {@link RunService#OUTPUT_BUFFER_CHARS} characters); a
 * subscriber gets what the buffer holds when it subscribes and every chunk after, in order and without gaps.
 */
public final class RunSession {

    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    /** Ends a subscription; closing twice does nothing. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final String id;
    private final RunRequest request;
    private final Instant startedAt;
    private final Isolation isolation;
    private final ReentrantLock outputLock = new ReentrantLock();
    private final OutputBuffer buffer;
    private final List<OutputListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile RunHandle handle;
    private volatile String description;
    private volatile boolean killRequested;

    RunSession(String id, RunRequest request, Instant startedAt, Isolation isolation, int bufferChars) {
        this.id = Objects.requireNonNull(id, "id");
        this.request = Objects.requireNonNull(request, "request");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        this.buffer = new OutputBuffer(bufferChars);
        this.description = request.describe();
    }

    public String id() {
        return id;
    }

    public RunRequest request() {
        return request;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** How this run is confined: the launcher's word once it started, else what its engine would have given. */
    public Isolation isolation() {
        var running = handle;
        return running == null ? isolation : running.isolation();
    }

    /** What runs, as the launcher describes it (the request's own description until it started). */
    public String description() {
        return description;
    }

    /** Completes once the run and its output have ended, and the run is in the history; never exceptionally. */
    public CompletableFuture<RunResult> result() {
        return result;
    }

    public boolean isRunning() {
        return !result.isDone();
    }

    /** Stops the run and everything it started; the result then says {@code Killed}. Does nothing once it ended. */
    public void kill() {
        killRequested = true;
        var running = handle;
        if (running != null && isRunning()) {
            running.kill();
        }
    }

    /**
     * Sends this run's output to {@code listener}: first what the buffer holds, then each new chunk. The listener
     * is called on the launcher's threads and must be quick.
     */
    public Subscription subscribe(OutputListener listener) {
        Objects.requireNonNull(listener, "listener");
        outputLock.lock();
        try {
            for (var chunk : buffer.chunks()) {
                deliver(listener, chunk);
            }
            listeners.add(listener);
        } finally {
            outputLock.unlock();
        }
        return () -> listeners.remove(listener);
    }

    /** The output kept so far, stdout, stderr and the sandbox's notes in the order they came. */
    public String output() {
        outputLock.lock();
        try {
            return buffer.text();
        } finally {
            outputLock.unlock();
        }
    }

    /** The kept output's last {@code length} characters, and a note when earlier output was dropped. */
    String excerpt(int length) {
        outputLock.lock();
        try {
            var text = buffer.text();
            if (buffer.dropped() == 0 && text.length() <= length) {
                return text;
            }
            return RunService.EARLIER_OUTPUT_DROPPED + text.substring(Math.max(0, text.length() - length));
        } finally {
            outputLock.unlock();
        }
    }

    void accept(OutputChunk chunk) {
        outputLock.lock();
        try {
            buffer.append(chunk);
            for (var listener : listeners) {
                deliver(listener, chunk);
            }
        } finally {
            outputLock.unlock();
        }
    }

    /** Adds a line of the studio's own to the output, e.g. why the run could not start. */
    void note(String line) {
        accept(new OutputChunk(OutputChannel.SANDBOX, line.endsWith("\n") ? line : line + "\n"));
    }

    void started(RunHandle running) {
        handle = running;
        description = running.description();
        if (killRequested) {
            running.kill();
        }
    }

    void finished(RunResult finished) {
        result.complete(finished);
    }

    private void deliver(OutputListener listener, OutputChunk chunk) {
        try {
            listener.onOutput(chunk);
        } catch (RuntimeException e) {
            LOG.warn("An output listener of run {} failed; it keeps receiving output", id, e);
        }
    }
}
