package dev.cyberdevstudio.engine.diff;

import dev.cyberdevstudio.engine.EngineException;

/** A hunk was applied to a text that does not hold the lines the hunk expects: the text changed since the diff. */
public final class HunkMismatchException extends EngineException {

    private static final long serialVersionUID = 1L;

    public HunkMismatchException(String message) {
        super(message);
    }
}
