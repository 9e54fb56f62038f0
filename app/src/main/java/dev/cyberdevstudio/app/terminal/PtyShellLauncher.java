package dev.cyberdevstudio.app.terminal;

import com.pty4j.PtyProcessBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the user's login shell in a pseudo-terminal (pty4j).
 *
 * <pre>{@code
 * ShellSession session = PtyShellLauncher.forCurrentUser().start(projectFolder);
 * widget.setTtyConnector(session.connector());
 * }</pre>
 */
public final class PtyShellLauncher implements ShellLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(PtyShellLauncher.class);
    private static final int INITIAL_COLUMNS = 80;
    private static final int INITIAL_ROWS = 24;
    private static final Duration GRACE = Duration.ofMillis(1500);

    private final Map<String, String> environment;

    /**
     * @param environment the environment the studio runs in; the shell is picked from its {@code SHELL} and gets
     *                    it less the studio's own variables ({@link ShellEnvironment})
     */
    public PtyShellLauncher(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A launcher for the user running the studio, with the studio's own environment. */
    public static PtyShellLauncher forCurrentUser() {
        return new PtyShellLauncher(System.getenv());
    }

    @Override
    public ShellSession start(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("Cannot open a terminal in " + folder + ": it is not a folder.");
        }
        var shell = ShellCommand.forUser(environment);
        try {
            var process = new PtyProcessBuilder(shell.command().toArray(String[]::new))
                    .setEnvironment(ShellEnvironment.forShell(environment))
                    .setDirectory(folder.toString())
                    .setInitialColumns(INITIAL_COLUMNS)
                    .setInitialRows(INITIAL_ROWS)
                    .setConsole(false)
                    .start();
            var connector = new PtyTtyConnector(process, StandardCharsets.UTF_8, shell.name(), GRACE);
            LOG.info("Started terminal shell {} (pid {}) in {}", shell.command(), process.pid(), folder);
            return new PtyShellSession(connector, shell.name(), folder);
        } catch (IOException | RuntimeException failure) {
            throw new IOException("Cannot start " + shell.name() + " in " + folder + ": " + failure.getMessage(),
                    failure);
        }
    }
}
