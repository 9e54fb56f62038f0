package dev.cyberdevstudio.app.terminal;

import java.nio.file.Path;

/** What came of asking for a new terminal. */
public sealed interface TerminalOpening {

    /** A shell runs in a new tab. */
    record Opened(TerminalTab tab) implements TerminalOpening {
    }

    /** No terminal could be opened; {@code message} says why, for the user. */
    record Failed(Path folder, String message) implements TerminalOpening {
    }
}
