package dev.cyberdevstudio.engine;

/**
 * The engine's one unchecked root exception: libraries' exceptions ({@code SQLException}, {@code FlywayException},
 * {@code IOException}) are wrapped into it at the engine's edge, so callers never catch a third party's type.
 *
 * <p>Its message is meant for people: it names what failed and why, without a stack trace.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
