package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.runs.FileRun;
import dev.cyberdevstudio.engine.runs.RunRecord;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.engine.runs.RunService;
import dev.cyberdevstudio.engine.runs.RunSession;
import dev.cyberdevstudio.engine.runs.SshTargets;
import dev.cyberdevstudio.sandbox.run.Isolation;
import dev.cyberdevstudio.sandbox.run.OutputChannel;
import dev.cyberdevstudio.sandbox.run.OutputListener;
import dev.cyberdevstudio.sandbox.run.RunOutcome;
import dev.cyberdevstudio.sandbox.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the execution view: which engine runs what, the run on show with its streamed output and status,
 * and the history of runs.
 *
 * <pre>{@code
 * var runs = new RunViewModel(runService, executor, projectRoot);
 * var pane = new RunPane(runs);               // registers itself as the output sink
 * runs.commandLineProperty().set("make test");
 * runs.run();
 * runs.currentFileProperty().bind(editorTabs.selectedFile);  // for "Run current file"
 * }</pre>
 *
 * Output is parsed for ANSI colours on the run's reader threads and reaches the UI thread in batches (see
 * {@link OutputBatcher}); everything else changes on the UI thread only. Failures become a sentence in
 * {@link #messageProperty()} or the run's outcome, never an exception.
 */
public final class RunViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);

    /** Lines the output view keeps; older ones are dropped with a note. */
    public static final int DEFAULT_MAX_LINES = 10_000;

    /** Lines handed to the view in one pass of the UI thread; more wait for the next pass. */
    static final int LINES_PER_PASS = 1000;

    /** How many past runs the history list shows. */
    public static final int HISTORY_SHOWN = 100;

    /** How the run on show stands, for the status line's colour. */
    public enum RunState {
        IDLE, RUNNING, SUCCEEDED, FAILED, STOPPED
    }

    private final RunService runs;
    private final TaskExecutor executor;
    private final OutputBatcher batcher;
    private Consumer<OutputBatch> outputSink = batch -> { };

    private final ObjectProperty<RunRequest.Kind> engine = new SimpleObjectProperty<>(this, "engine",
            RunRequest.Kind.PROCESS);
    private final StringProperty commandLine = new SimpleStringProperty(this, "commandLine", "");
    private final ObservableList<String> sshTargets = FXCollections.observableArrayList();
    private final ObjectProperty<String> sshTarget = new SimpleObjectProperty<>(this, "sshTarget");
    private final ObjectProperty<Path> projectRoot = new SimpleObjectProperty<>(this, "projectRoot");
    private final ObjectProperty<Path> currentFile = new SimpleObjectProperty<>(this, "currentFile");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyObjectWrapper<Isolation> isolation = new ReadOnlyObjectWrapper<>(this, "isolation");
    private final ReadOnlyStringWrapper isolationBadge = new ReadOnlyStringWrapper(this, "isolationBadge", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<String> shownRun = new ReadOnlyObjectWrapper<>(this, "shownRun");
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final BooleanBinding canRerun;
    private final ReadOnlyObjectWrapper<SshTargetsViewModel> sshTargetsEditor = new ReadOnlyObjectWrapper<>(this,
            "sshTargetsEditor");

    private RunSession current;
    /** The batcher generation of the output on show: output of an older one is no longer parsed or shown. */
    private long shownGeneration;

    public RunViewModel(RunService runs, TaskExecutor executor, Path projectRoot) {
        this(runs, executor, projectRoot, DEFAULT_MAX_LINES);
    }

    RunViewModel(RunService runs, TaskExecutor executor, Path projectRoot, int maxLines) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.projectRoot.set(Objects.requireNonNull(projectRoot, "projectRoot"));
        this.batcher = new OutputBatcher(executor, maxLines, LINES_PER_PASS, batch -> outputSink.accept(batch));
        isolation.addListener((observable, old, now) -> isolationBadge.set(now == null ? "" : RunFormats.badge(now)));
        canRerun = shownRun.isNotNull().and(starting.not());
        engine.addListener((observable, old, now) -> previewIsolation(now));
    }

    /** Loads the SSH targets, the history and the isolation of the chosen engine; call once the pane is shown. */
    public void refresh() {
        previewIsolation(engine.get());
        refreshSshTargets();
        refreshHistory();
    }

    /**
     * Reloads the SSH target names; a chosen target that is gone gives way to the first one left. The targets
     * dialog calls it after every change.
     */
    public void refreshSshTargets() {
        executor.submit(runs::sshTargets, targets -> {
            var chosen = sshTarget.get();
            sshTargets.setAll(targets);
            if (chosen == null || !targets.contains(chosen)) {
                sshTarget.set(targets.isEmpty() ? null : targets.getFirst());
            }
        }, failure -> LOG.warn("Cannot list the SSH targets", failure));
    }

    /**
     * Lets the user add, change and remove SSH targets (the "SSH targets…" button), in {@code targets}: the same
     * ones the run service's SSH launcher reads, e.g. {@code runViewModel.setSshTargetSettings(engine.sshTargets())}.
     */
    public void setSshTargetSettings(SshTargets targets) {
        sshTargetsEditor.set(new SshTargetsViewModel(targets, executor, this::refreshSshTargets));
    }

    /** The SSH targets dialog's view model; null until {@link #setSshTargetSettings} is called. */
    public ReadOnlyObjectProperty<SshTargetsViewModel> sshTargetsEditorProperty() {
        return sshTargetsEditor.getReadOnlyProperty();
    }

    /** Where {@code output} goes, on the UI thread: the pane's output view. */
    public void setOutputSink(Consumer<OutputBatch> sink) {
        this.outputSink = Objects.requireNonNull(sink, "sink");
    }

    public ObjectProperty<RunRequest.Kind> engineProperty() {
        return engine;
    }

    /** The command (process, SSH) or module and arguments (WASM) to run. */
    public StringProperty commandLineProperty() {
        return commandLine;
    }

    public ObservableList<String> sshTargets() {
        return sshTargets;
    }

    public ObjectProperty<String> sshTargetProperty() {
        return sshTarget;
    }

    /** The project folder: where commands run and the only folder they may write. */
    public ObjectProperty<Path> projectRootProperty() {
        return projectRoot;
    }

    /** The file "Run current file" runs: the editor's selected file, or null. */
    public ObjectProperty<Path> currentFileProperty() {
        return currentFile;
    }

    /** Whether a run is going: the kill button's enablement. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the run on show ran. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** How the run on show ended ("exited with code 0"), or "running…". */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Duration and peak memory of the run on show. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Isolation> isolationProperty() {
        return isolation.getReadOnlyProperty();
    }

    /** "isolated: …", "reduced isolation: …" or "remote: …". */
    public ReadOnlyStringProperty isolationBadgeProperty() {
        return isolationBadge.getReadOnlyProperty();
    }

    /** The last thing that went wrong, or a confirmation such as where the output was saved; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The id of the run whose output is on show. */
    public ReadOnlyObjectProperty<String> shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    public BooleanBinding canRerunProperty() {
        return canRerun;
    }

    /** The latest runs, newest first. */
    public ObservableList<RunRecord> history() {
        return history;
    }

    /** Runs the command line with the chosen engine, stopping the run that is going first. */
    public void run() {
        buildRequest().ifPresent(this::start);
    }

    /** Runs the editor's current file with the program its extension calls for. */
    public void runCurrentFile() {
        switch (FileRun.plan(Optional.ofNullable(currentFile.get()), projectRoot.get())) {
            case FileRun.Runnable(var request) -> start(request);
            case FileRun.Unsupported(var reason) -> message.set(reason);
        }
    }

    /** Starts {@code request} and shows its output as it comes. */
    public void start(RunRequest request) {
        launch(listener -> runs.start(request, listener));
    }

    /** Stops the run that is going. */
    public void kill() {
        var session = current;
        if (session != null && session.isRunning()) {
            session.kill();
        }
    }

    /** Runs again the run on show. */
    public void rerun() {
        var id = shownRun.get();
        if (id == null || starting.get()) {
            return;
        }
        launch(listener -> runs.rerun(id, listener));
    }

    /** Saves the output of the run on show to {@code file}, as plain text. */
    public void saveOutput(Path file) {
        var id = shownRun.get();
        if (id == null) {
            message.set("Run something first: there is no output to save.");
            return;
        }
        executor.submit(() -> {
            runs.saveOutput(id, file);
            return file;
        }, saved -> message.set("Saved the output to " + saved + "."), failure -> message.set(sentence(failure)));
    }

    /** Shows a past run: its stored output excerpt, outcome, timings and isolation. */
    public void show(RunRecord run) {
        long generation = batcher.restart();
        shownGeneration = generation;
        executor.submit(() -> {
            batcher.add(generation, new AnsiParser(OutputChannel.STDOUT).feed(run.outputExcerpt()));
            return null;
        });
        shownRun.set(run.id());
        title.set(run.description());
        showResult(run.result());
        isolation.set(run.isolation());
        message.set("");
    }

    /** Reloads the history list. */
    public void refreshHistory() {
        executor.submit(() -> runs.history(HISTORY_SHOWN), history::setAll,
                failure -> LOG.warn("Cannot load the run history", failure));
    }

    private Optional<RunRequest> buildRequest() {
        try {
            var line = commandLine.get();
            return Optional.of(switch (engine.get()) {
                case PROCESS -> RunRequest.ProcessRun.ofCommandLine(line, projectRoot.get());
                case WASM -> RunRequest.WasmRun.ofCommandLine(line, projectRoot.get());
                case SSH -> {
                    if (sshTarget.get() == null) {
                        throw new IllegalArgumentException(sshTargets.isEmpty()
                                ? "No SSH target is configured: add one with SSH targets… first."
                                : "Choose the SSH target to run on.");
                    }
                    if (line == null || line.isBlank()) {
                        throw new IllegalArgumentException("Type a command to run.");
                    }
                    yield new RunRequest.SshRun(sshTarget.get(), line.strip());
                }
            });
        } catch (IllegalArgumentException invalid) {
            message.set(invalid.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Clears the view and starts a run whose output goes straight to it: the listener is subscribed before the run
     * starts (so no output is missed) and parses on the run's reader threads, not on the UI thread.
     */
    private void launch(Function<OutputListener, RunSession> starter) {
        // One output view, one run: a new run (or a rerun) stops the one that is going, as a restart would.
        kill();
        message.set("");
        starting.set(true);
        long generation = batcher.restart();
        shownGeneration = generation;
        var parsers = new EnumMap<OutputChannel, AnsiParser>(OutputChannel.class);
        for (var channel : OutputChannel.values()) {
            parsers.put(channel, new AnsiParser(channel));
        }
        OutputListener listener = chunk -> {
            if (batcher.isCurrent(generation)) {
                batcher.add(generation, parsers.get(chunk.channel()).feed(chunk.text()));
            }
        };
        executor.submit(() -> starter.apply(listener), session -> attach(session, generation), this::failedToStart);
    }

    private void attach(RunSession session, long generation) {
        starting.set(false);
        current = session;
        running.set(session.isRunning());
        if (generation == shownGeneration) {
            shownRun.set(session.id());
            title.set(session.description());
            isolation.set(session.isolation());
            state.set(RunState.RUNNING);
            outcome.set("running…");
            details.set("");
        }
        session.result().whenComplete((result, failure) -> executor.runOnUi(() -> finished(session, result)));
    }

    private void finished(RunSession session, RunResult result) {
        if (session == current) {
            running.set(false);
        }
        if (session.id().equals(shownRun.get()) && result != null) {
            showResult(result);
        }
        refreshHistory();
    }

    private void showResult(RunResult result) {
        outcome.set(result.outcome().describe());
        state.set(switch (result.outcome()) {
            case RunOutcome.Exited(int code) -> code == 0 ? RunState.SUCCEEDED : RunState.FAILED;
            case RunOutcome.Failed failed -> RunState.FAILED;
            case RunOutcome.Killed killed -> RunState.STOPPED;
            case RunOutcome.TimedOut timedOut -> RunState.STOPPED;
            case RunOutcome.LimitExceeded exceeded -> RunState.STOPPED;
        });
        var parts = new ArrayList<String>();
        parts.add(RunFormats.duration(result.wallTime()));
        result.peakMemoryBytes().ifPresent(peak -> parts.add("peak memory " + RunFormats.bytes(peak)));
        if (result.outputTruncated()) {
            parts.add("output cut at its limit");
        }
        details.set(String.join(" · ", parts));
    }

    private void failedToStart(Throwable failure) {
        starting.set(false);
        LOG.warn("Could not start a run", failure);
        message.set(sentence(failure));
    }

    private void previewIsolation(RunRequest.Kind kind) {
        executor.submit(() -> runs.isolationFor(kind), preview -> {
            if (!running.get() && engine.get() == kind) {
                isolation.set(preview);
            }
        }, failure -> LOG.warn("Cannot tell the isolation of {} runs", kind, failure));
    }

    private static String sentence(Throwable failure) {
        var text = failure.getMessage();
        return text == null || text.isBlank() ? "Something went wrong (" + failure.getClass().getSimpleName() + ")."
                : text;
    }
}
