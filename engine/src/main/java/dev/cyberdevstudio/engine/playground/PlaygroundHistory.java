package dev.cyberdevstudio.engine.playground;

import java.util.List;
import java.util.Optional;

/**
 * The runs of the LLM playground, newest first, at most {@value #LIMIT} of them; the playground reopens them.
 *
 * <p>Each prompt and the output are kept up to {@value #MAX_TEXT_LENGTH} characters; a longer one is cut and marked.
 * Implementations are safe to use from several threads at once. The database-backed one throws
 * {@link dev.cyberdevstudio.engine.EngineException} when the database fails underneath it.
 */
public interface PlaygroundHistory {

    /** How many runs are kept; saving one more forgets the oldest. */
    int LIMIT = 200;

    /** The longest prompt or output kept (the databases' longest CHARACTER VARYING). */
    int MAX_TEXT_LENGTH = 1_000_000;

    /** Keeps {@code run} and returns it under its new id. */
    StoredRun save(PlaygroundRun run);

    /** The newest {@code limit} runs, newest first. */
    List<StoredRun> recent(int limit);

    Optional<StoredRun> find(long id);

    /** Forgets a run; nothing happens when there is none with that id. */
    void delete(long id);
}
