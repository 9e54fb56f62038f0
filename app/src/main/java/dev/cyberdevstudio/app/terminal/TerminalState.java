package dev.cyberdevstudio.app.terminal;

/** Where a terminal tab's shell stands. */
public sealed interface TerminalState {

    /** The shell is running. */
    record Running() implements TerminalState {
    }

    /** The shell exited on its own (the tab stays open on its last output until the user closes it). */
    record Exited(int exitCode) implements TerminalState {
    }

    /** The user closed the tab; the shell and its processes are being, or have been, ended. */
    record Closed() implements TerminalState {
    }
}
