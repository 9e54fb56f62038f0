package dev.cyberdevstudio.sandbox.run;

import java.util.Objects;

/**
 * How well a run is confined, said plainly so the studio can show it beside every run.
 *
 * @param level   the kind of confinement
 * @param summary one line for the user, e.g. "bubblewrap: read-only system, project writable, no network" or
 *                "reduced isolation: bubblewrap is not installed (apt install bubblewrap)"
 */
public record Isolation(Level level, String summary) {

    public enum Level {
        /** Confined by the host: namespaces, read-only system, limits (bubblewrap on Linux; WASM by construction). */
        ISOLATED,
        /** Runs with limits and a clean environment but without the host's confinement; the summary says why. */
        REDUCED,
        /** Runs on another machine over SSH: confined by that machine's account, not by the studio. */
        REMOTE
    }

    public Isolation {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(summary, "summary");
    }

    public static Isolation isolated(String summary) {
        return new Isolation(Level.ISOLATED, summary);
    }

    public static Isolation reduced(String reason) {
        return new Isolation(Level.REDUCED, reason);
    }

    public static Isolation remote(String summary) {
        return new Isolation(Level.REMOTE, summary);
    }
}
