package dev.cyberdevstudio.app;

import dev.cyberdevstudio.app.cli.StudioCommand;
import picocli.CommandLine;

/**
 * The launcher's entry point. It does not extend {@code Application}, so the studio runs from a plain class path.
 */
public final class StudioMain {

    private StudioMain() {
    }

    public static void main(String[] args) {
        int exitCode = new CommandLine(new StudioCommand()).execute(args);
        // A native library (the terminal's PTY, later llama.cpp) can keep the JVM alive after the window closes.
        System.exit(exitCode);
    }
}
