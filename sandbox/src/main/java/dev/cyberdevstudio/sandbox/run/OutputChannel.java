package dev.cyberdevstudio.sandbox.run;

/** Which stream of a run a piece of output came from. */
public enum OutputChannel {
    STDOUT,
    STDERR,
    /** Lines the sandbox itself adds to a run's output: a truncation marker, the reason for a kill. */
    SANDBOX
}
