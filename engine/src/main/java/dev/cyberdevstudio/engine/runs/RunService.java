package dev.cyberdevstudio.engine.runs;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.sandbox.fs.AtomicFiles;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs, keeps their output while they run, and records each one in the history when it ends.
 *
 * <pre>{@code
 * var runs = new RunService(launcher, history);
 * var session = runs.start(RunRequest.ProcessRun.ofCommandLine("make test", projectRoot));
 * session.subscribe(chunk -> show(chunk));
 * session.result().thenAccept(result -> status(result.outcome().describe()));
 * runs.saveOutput(session.id(), Path.of("test.log"));
 * }</pre>
 *
 * Starting never throws for a run that cannot start (a missing binary, a refused request, an engine that is not
 * there): the session ends at once with a {@link RunOutcome.Failed} whose sentence also appears in its output. The
 * latest {@value #KEPT_SESSIONS} sessions stay in memory with their output; older runs are found in the history.
 */
public final class RunService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    /** How much output a session keeps, in characters: the tail of a flood, enough for any build log's end. */
    public static final int OUTPUT_BUFFER_CHARS = 2 * 1024 * 1024;

    /** How much of the output's end the history keeps per run. */
    public static final int EXCERPT_CHARS = 64 * 1024;

    /** Sessions kept in memory with their whole buffer, for the output view, rerun and saving. */
    public static final int KEPT_SESSIONS = 20;

    /** The line put in front of output whose beginning was not kept. */
    public static final String EARLIER_OUTPUT_DROPPED = "[… earlier output was not kept]\n";

    private static final Pattern ANSI_ESCAPE =
            Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])");

    private final RunLauncher launcher;
    private final RunHistory history;
    private final Clock clock;
    private final int bufferChars;
    private final Map<String, RunSession> sessions = new LinkedHashMap<>();
    private boolean closed;

    public RunService(RunLauncher launcher, RunHistory history) {
        this(launcher, history, Clock.systemUTC(), OUTPUT_BUFFER_CHARS);
    }

    RunService(RunLauncher launcher, RunHistory history, Clock clock, int bufferChars) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bufferChars = bufferChars;
    }

    /**
     * Starts {@code request}. Returns once the launcher has started it (for an SSH run: once it is connecting), so
     * call it off the UI thread.
     */
    public RunSession start(RunRequest request) {
        return start(request, OutputListener.ignoring());
    }

    /**
     * Starts {@code request} with {@code listener} subscribed before it runs, so that it sees every chunk: a
     * subscriber that comes later gets only what the session's bounded buffer still holds.
     */
    public RunSession start(RunRequest request, OutputListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        var session = new RunSession(UUID.randomUUID().toString(), request, clock.instant(),
                isolationFor(request.kind()), bufferChars);
        session.subscribe(listener);
        keep(session);
        try {
            var handle = launcher.launch(request, session::accept);
            session.started(handle);
            handle.result().whenComplete((result, failure) -> finish(session, result != null ? result
                    : failed(failure == null ? "the run ended without a result" : message(failure), Duration.ZERO)));
        } catch (RuntimeException refused) {
            LOG.info("Run {} could not start: {}", request.describe(), message(refused));
            finish(session, failed(message(refused), Duration.ZERO));
        }
        return session;
    }

    /**
     * Runs again what the run {@code id} ran, a session still in memory or one from the history.
     *
     * @throws EngineException when no run has that id
     */
    public RunSession rerun(String id) {
        return rerun(id, OutputListener.ignoring());
    }

    /** {@link #rerun(String)} with {@code listener} subscribed from the start, as in {@link #start(RunRequest,
     * OutputListener)}. */
    public RunSession rerun(String id, OutputListener listener) {
        var request = session(id).map(RunSession::request)
                .or(() -> record(id).map(RunRecord::request))
                .orElseThrow(() -> new EngineException("There is no run " + id + " to run again."));
        return start(request, listener);
    }

    /** A session still held in memory (the latest {@value #KEPT_SESSIONS}). */
    public synchronized Optional<RunSession> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The finished runs, newest first; empty (and logged) when the history cannot be read. */
    public List<RunRecord> history(int limit) {
        try {
            return history.recent(limit);
        } catch (EngineException e) {
            LOG.warn("Cannot read the run history", e);
            return List.of();
        }
    }

    /** A finished run from the history. */
    public Optional<RunRecord> record(String id) {
        try {
            return history.find(id);
        } catch (EngineException e) {
            LOG.warn("Cannot read the run {} from the history", id, e);
            return Optional.empty();
        }
    }

    /**
     * Writes the output of the run {@code id} to {@code file} atomically, as plain text (colour codes removed): the
     * session's kept output while it is in memory, else the excerpt the history kept.
     *
     * @throws EngineException when there is no such run or the file cannot be written; the message names the file
     */
    public void saveOutput(String id, Path file) {
        var text = session(id).map(RunSession::output)
                .or(() -> record(id).map(RunRecord::outputExcerpt))
                .orElseThrow(() -> new EngineException("There is no run " + id + " whose output could be saved."));
        try {
            AtomicFiles.write(file, plain(text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EngineException("Cannot save the output to " + file + ": " + ioReason(e), e);
        }
    }

    /** How a run of {@code kind} would be confined, for the studio to show before it starts. */
    public Isolation isolationFor(RunRequest.Kind kind) {
        try {
            return launcher.isolationFor(kind);
        } catch (RuntimeException e) {
            LOG.warn("Cannot tell the isolation of {} runs", kind, e);
            return Isolation.reduced(kind.label() + " runs cannot tell their isolation: " + message(e));
        }
    }

    /** The SSH targets a run can name. */
    public List<String> sshTargets() {
        return launcher.sshTargets();
    }

    /** Kills the runs still going, as the studio exits. */
    @Override
    public void close() {
        List<RunSession> running;
        synchronized (this) {
            closed = true;
            running = sessions.values().stream().filter(RunSession::isRunning).toList();
        }
        running.forEach(RunSession::kill);
    }

    /** {@code text} without ANSI escape sequences, as a saved log should read in an editor. */
    static String plain(String text) {
        return ANSI_ESCAPE.matcher(text).replaceAll("");
    }

    private synchronized void keep(RunSession session) {
        if (closed) {
            throw new EngineException("The run service is closed.");
        }
        sessions.put(session.id(), session);
        var oldest = sessions.values().iterator();
        while (sessions.size() > KEPT_SESSIONS && oldest.hasNext()) {
            if (!oldest.next().isRunning()) {
                oldest.remove();
            }
        }
    }

    private void finish(RunSession session, RunResult result) {
        if (result.outcome() instanceof RunOutcome.Failed(String message)) {
            session.note(message);
        }
        var record = new RunRecord(session.id(), session.request(), session.description(), session.isolation(),
                session.startedAt(), result, session.excerpt(EXCERPT_CHARS));
        try {
            history.record(record);
        } catch (RuntimeException e) {
            LOG.warn("Cannot keep run {} in the history", session.description(), e);
        }
        session.finished(result);
    }

    private static RunResult failed(String message, Duration wallTime) {
        return new RunResult(new RunOutcome.Failed(message), wallTime, OptionalLong.empty(), false);
    }

    private static String message(Throwable failure) {
        var message = failure.getMessage();
        return message == null || message.isBlank() ? "the run could not start (" + failure.getClass().getSimpleName()
                + ")" : message;
    }

    private static String ioReason(IOException e) {
        if (e instanceof FileSystemException fileProblem && fileProblem.getReason() != null) {
            return fileProblem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
