package dev.cyberdevstudio.app.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** One running shell behind a terminal tab. */
public interface ShellSession {

    /** What the terminal widget reads from and writes to. */
    TtyConnector connector();

    /** The shell's program name, such as {@code bash}. */
    String shellName();

    /** The folder the shell started in. */
    Path folder();

    /** The shell's process id. */
    long pid();

    /** Completes with the shell's exit code once it has exited, for whatever reason. */
    CompletableFuture<Integer> exitCode();

    /** Ends the shell and every process it started; blocks until they are gone or could not be ended. */
    void terminate();
}
