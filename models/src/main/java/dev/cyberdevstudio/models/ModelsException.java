package dev.cyberdevstudio.models;

/**
 * The models module's one unchecked root exception. Its message names the file or address and the cause in words a
 * user can act on ("model.gguf is not a GGUF file (it starts with 'PK', a zip archive)").
 */
public class ModelsException extends RuntimeException {

    public ModelsException(String message) {
        super(message);
    }

    public ModelsException(String message, Throwable cause) {
        super(message, cause);
    }
}
