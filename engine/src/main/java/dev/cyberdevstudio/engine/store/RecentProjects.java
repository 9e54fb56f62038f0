package dev.cyberdevstudio.engine.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The project folders the user opened lately, newest first, at most {@value #LIMIT} of them.
 *
 * <p>Folders are kept as absolute, normalized paths (symbolic links are not resolved). A folder that no longer
 * exists stays listed: the caller decides whether to show, grey out or drop it. Implementations are safe to use
 * from several threads at once. The database-backed one throws {@link dev.cyberdevstudio.engine.EngineException}
 * when the database fails underneath it.
 */
public interface RecentProjects {

    /** How many folders are kept; opening one more forgets the oldest. */
    int LIMIT = 10;

    /** The remembered folders, the most recently opened first. */
    List<RecentProject> list();

    /** Records that {@code folder} was opened now: it moves to the front, listed once. */
    void opened(Path folder);

    /** Forgets {@code folder}; nothing happens when it is not listed. */
    void remove(Path folder);
}
