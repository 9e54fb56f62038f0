package dev.cyberdevstudio.engine.agents.loop;

/** What a loop tells while it runs, for the chat to show each step. Called on the loop's thread. */
public interface LoopListener {

    /** A piece of the model's reply as it streams. */
    default void modelText(int step, String piece) {
    }

    default void toolCall(int step, String tool, String arguments) {
    }

    default void toolResult(int step, String tool, ToolResult result, long millis) {
    }

    /** Older tool output was shortened so the prompt fits the model's context. */
    default void trimmed(int step, int messages, int tokensFreed) {
    }

    static LoopListener silent() {
        return new LoopListener() { };
    }
}
