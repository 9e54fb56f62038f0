package dev.cyberdevstudio.engine.runs;

import java.util.List;
import java.util.Optional;

/**
 * The runs that finished, newest first, at most {@value #LIMIT} of them. Implementations are safe to use from
 * several threads; the database-backed one throws {@link dev.cyberdevstudio.engine.EngineException} when the
 * database fails underneath it.
 */
public interface RunHistory {

    /** How many runs are kept; recording one more forgets the oldest. */
    int LIMIT = 500;

    void record(RunRecord run);

    /** The latest {@code limit} runs, the most recently started first. */
    List<RunRecord> recent(int limit);

    Optional<RunRecord> find(String id);
}
