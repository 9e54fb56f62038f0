package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** A shell in a pseudo-terminal: its connector plus what a tab shows of it. */
final class PtyShellSession implements ShellSession {

    private final PtyTtyConnector connector;
    private final String shellName;
    private final Path folder;
    private final CompletableFuture<Integer> exitCode;

    PtyShellSession(PtyTtyConnector connector, String shellName, Path folder) {
        this.connector = connector;
        this.shellName = shellName;
        this.folder = folder;
        this.exitCode = connector.process().onExit().thenApply(Process::exitValue);
    }

    @Override
    public TtyConnector connector() {
        return connector;
    }

    @Override
    public String shellName() {
        return shellName;
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public long pid() {
        return connector.process().pid();
    }

    @Override
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public void terminate() {
        connector.close();
    }
}
