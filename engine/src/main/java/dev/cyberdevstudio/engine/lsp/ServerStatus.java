package dev.cyberdevstudio.engine.lsp;

/**
 * How the language server of one kind of file is doing, for the status bar.
 *
 * @param serverName the configured server's name ({@code pyright})
 * @param message    one line for people: why it is missing and the command that installs it, why it crashed …
 */
public record ServerStatus(String serverName, State state, String message) {

    public enum State {
        /** Being started, or initializing. */
        STARTING,
        RUNNING,
        /** It exited or stopped answering; it is being started again. */
        RESTARTING,
        /** Its command is not installed; the message says how to install it. */
        MISSING,
        /** It failed to start too often and is left off until the project opens again. */
        FAILED,
        STOPPED
    }
}
