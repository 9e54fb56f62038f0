package dev.cyberdevstudio.app.terminal;

import java.io.IOException;
import java.nio.file.Path;

/** Starts the shell of a new terminal. */
@FunctionalInterface
public interface ShellLauncher {

    /**
     * Starts a shell in {@code folder}.
     *
     * @throws IOException with a message for the user when the folder or the shell cannot be used
     */
    ShellSession start(Path folder) throws IOException;
}
