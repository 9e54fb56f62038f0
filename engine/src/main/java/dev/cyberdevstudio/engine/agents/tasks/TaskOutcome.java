package dev.cyberdevstudio.engine.agents.tasks;

/** How an agent's attempt at a task ended. A thrown exception counts as {@link Failed} with its message. */
public sealed interface TaskOutcome {

    record Succeeded(String summary) implements TaskOutcome {
    }

    /** @param retryable false when another attempt cannot help (bad request, no model): no retry then */
    record Failed(String reason, boolean retryable) implements TaskOutcome {
    }

    static TaskOutcome succeeded(String summary) {
        return new Succeeded(summary);
    }

    static TaskOutcome failed(String reason) {
        return new Failed(reason, true);
    }
}
