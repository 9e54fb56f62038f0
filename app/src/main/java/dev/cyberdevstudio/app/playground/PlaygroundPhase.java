package dev.cyberdevstudio.app.playground;

/** What the playground is doing. */
public enum PlaygroundPhase {
    IDLE,
    /** A model file is being loaded into memory. */
    LOADING,
    /** A generation streams. */
    RUNNING,
    /** Stop was pressed; the generation's end is awaited. */
    STOPPING
}
