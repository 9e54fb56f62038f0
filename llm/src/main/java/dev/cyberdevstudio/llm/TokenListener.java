package dev.cyberdevstudio.llm;

/**
 * Receives generated text as it streams. Pieces are not always one per token (incomplete UTF-8 is merged). Called on
 * the runtime's inference thread: be quick, and batch before touching a UI.
 */
@FunctionalInterface
public interface TokenListener {

    void onText(String piece);

    static TokenListener ignoring() {
        return piece -> { };
    }
}
