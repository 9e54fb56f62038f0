package dev.cyberdevstudio.llm;

/**
 * The llm module's one unchecked root exception: a model that is missing, not loaded, too big, or a runtime failure.
 * The message names the model file and the cause. Library exceptions (LlamaException) never cross this module's edge.
 */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
