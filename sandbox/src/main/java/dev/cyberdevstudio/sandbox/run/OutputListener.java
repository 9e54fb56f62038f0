package dev.cyberdevstudio.sandbox.run;

/**
 * Receives a run's output while it runs. Called from the sandbox's own reader threads, one chunk at a time and in
 * order per channel; a listener must be quick and must not throw (a throwing listener is logged and ignored).
 */
@FunctionalInterface
public interface OutputListener {

    void onOutput(OutputChunk chunk);

    static OutputListener ignoring() {
        return chunk -> { };
    }
}
