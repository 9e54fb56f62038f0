package dev.cyberdevstudio.sandbox.run;

import java.util.concurrent.CompletableFuture;

/**
 * A run in progress, whichever engine runs it (process, WASM, SSH). Output goes to the listener given when the run
 * started; the result completes once the run and its output have ended. The future never completes exceptionally:
 * failures are {@link RunOutcome.Failed}.
 */
public interface RunHandle {

    /** What runs, for the user: the command line, the module and export, or the host and command. */
    String description();

    Isolation isolation();

    CompletableFuture<RunResult> result();

    /** Stops the run and everything it started; returns at once, the result says {@link RunOutcome.Killed}. */
    void kill();

    default boolean isRunning() {
        return !result().isDone();
    }
}
