package dev.cyberdevstudio.engine.agents.tasks;

import java.util.List;
import java.util.Optional;

/** Where every task and step is kept, to be listed and replayed after the tasks are done or the studio restarted. */
public interface TaskStore extends AutoCloseable {

    /** Records the task's current state, inserting it the first time. */
    void save(TaskStatus task);

    void save(TaskStep step);

    Optional<TaskStatus> find(TaskId id);

    /** The newest tasks first, at most {@code limit}, optionally only those in {@code state}. */
    List<TaskStatus> list(Optional<TaskState> state, int limit);

    List<TaskStep> steps(TaskId id);

    /**
     * Marks tasks that were queued, waiting or running when the studio stopped as failed with {@code reason};
     * returns how many.
     */
    int abandonUnfinished(String reason);

    /** Makes every save so far durable before returning. */
    void flush();

    @Override
    void close();
}
