package dev.cyberdevstudio.engine.store;

import java.util.Optional;

/**
 * Named string values the studio remembers between runs: window layout, theme, last choices.
 *
 * <p>Keys are 1 to 255 characters, values at most a million characters; a key or value outside those bounds is
 * refused with {@link IllegalArgumentException}, a null one with {@link NullPointerException}. Implementations are
 * safe to use from several threads at once. The database-backed one throws
 * {@link dev.cyberdevstudio.engine.EngineException} when the database fails underneath it.
 */
public interface Settings {

    /** The value stored under {@code key}, or empty when there is none. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(String key, String value);

    /** Forgets {@code key}; nothing happens when it is not there. */
    void remove(String key);
}
