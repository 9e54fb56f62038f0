package dev.cyberdevstudio.engine.lsp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How patient a {@link LanguageService} is with its servers, and where it looks for their programs.
 *
 * @param requestTimeout       how long a query waits for its answer before it completes empty
 * @param startTimeout         how long a server may take to answer {@code initialize}
 * @param timeoutsBeforeRestart unanswered queries in a row after which a server counts as hung and is restarted
 * @param firstRestartDelay    the wait before the first restart after a crash; it doubles with each further crash
 * @param maxRestartDelay      the longest wait between restarts
 * @param crashLimit           crashes within {@code crashWindow} after which a server is left off (FAILED)
 * @param crashWindow          the window crashes are counted in
 * @param shutdownTimeout      how long a server may take to shut down before it is killed
 * @param environment          the environment whose PATH and {@code CYBERDEVSTUDIO_NPM_TOOLS} are searched
 * @param toolFolders          further folders searched for servers' programs after those (the studio's own tools)
 */
public record LanguageServiceOptions(Duration requestTimeout, Duration startTimeout, int timeoutsBeforeRestart,
                                     Duration firstRestartDelay, Duration maxRestartDelay, int crashLimit,
                                     Duration crashWindow, Duration shutdownTimeout, Map<String, String> environment,
                                     List<Path> toolFolders) {

    public LanguageServiceOptions {
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(startTimeout, "startTimeout");
        requirePositive(firstRestartDelay, "firstRestartDelay");
        requirePositive(maxRestartDelay, "maxRestartDelay");
        requirePositive(crashWindow, "crashWindow");
        requirePositive(shutdownTimeout, "shutdownTimeout");
        if (timeoutsBeforeRestart < 1 || crashLimit < 1) {
            throw new IllegalArgumentException("timeoutsBeforeRestart and crashLimit must be at least 1");
        }
        environment = Map.copyOf(environment);
        toolFolders = List.copyOf(toolFolders);
    }

    /**
     * Queries wait 5 s; a server gets 30 s to start (pyright on a cold, busy machine) and 2 s to shut down; three
     * unanswered queries in a row restart it; five crashes within three minutes leave it off.
     */
    public static LanguageServiceOptions defaults() {
        return new LanguageServiceOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(500),
                Duration.ofSeconds(10), 5, Duration.ofMinutes(3), Duration.ofSeconds(2), System.getenv(), List.of());
    }

    public LanguageServiceOptions withRequestTimeout(Duration timeout) {
        return new LanguageServiceOptions(timeout, startTimeout, timeoutsBeforeRestart, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, shutdownTimeout, environment, toolFolders);
    }

    public LanguageServiceOptions withStartTimeout(Duration timeout) {
        return new LanguageServiceOptions(requestTimeout, timeout, timeoutsBeforeRestart, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, shutdownTimeout, environment, toolFolders);
    }

    public LanguageServiceOptions withTimeoutsBeforeRestart(int timeouts) {
        return new LanguageServiceOptions(requestTimeout, startTimeout, timeouts, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, shutdownTimeout, environment, toolFolders);
    }

    public LanguageServiceOptions withRestarts(Duration firstDelay, Duration maxDelay, int limit, Duration window) {
        return new LanguageServiceOptions(requestTimeout, startTimeout, timeoutsBeforeRestart, firstDelay, maxDelay,
                limit, window, shutdownTimeout, environment, toolFolders);
    }

    public LanguageServiceOptions withShutdownTimeout(Duration timeout) {
        return new LanguageServiceOptions(requestTimeout, startTimeout, timeoutsBeforeRestart, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, timeout, environment, toolFolders);
    }

    public LanguageServiceOptions withEnvironment(Map<String, String> variables) {
        return new LanguageServiceOptions(requestTimeout, startTimeout, timeoutsBeforeRestart, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, shutdownTimeout, variables, toolFolders);
    }

    public LanguageServiceOptions withToolFolders(List<Path> folders) {
        return new LanguageServiceOptions(requestTimeout, startTimeout, timeoutsBeforeRestart, firstRestartDelay,
                maxRestartDelay, crashLimit, crashWindow, shutdownTimeout, environment, folders);
    }

    /** The wait before restarting after the {@code crashes}-th crash in the window (1 for the first). */
    Duration restartDelay(int crashes) {
        var delay = firstRestartDelay;
        for (var crash = 1; crash < crashes && delay.compareTo(maxRestartDelay) < 0; crash++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRestartDelay) > 0 ? maxRestartDelay : delay;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
