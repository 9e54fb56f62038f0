package dev.cyberdevstudio.engine.agents.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A task store that lasts as long as the studio runs: when the database is unavailable, and for tests. */
public final class InMemoryTaskStore implements TaskStore {

    private final LinkedHashMap<TaskId, TaskStatus> tasks = new LinkedHashMap<>();
    private final Map<TaskId, List<TaskStep>> steps = new LinkedHashMap<>();

    @Override
    public synchronized void save(TaskStatus task) {
        tasks.put(task.id(), task);
    }

    @Override
    public synchronized void save(TaskStep step) {
        steps.computeIfAbsent(step.task(), id -> new ArrayList<>()).add(step);
    }

    @Override
    public synchronized Optional<TaskStatus> find(TaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public synchronized List<TaskStatus> list(Optional<TaskState> state, int limit) {
        return tasks.sequencedValues().reversed().stream()
            .filter(task -> state.isEmpty() || task.state() == state.get())
            .limit(limit)
            .toList();
    }

    @Override
    public synchronized List<TaskStep> steps(TaskId id) {
        return List.copyOf(steps.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized int abandonUnfinished(String reason) {
        int count = 0;
        for (var entry : tasks.entrySet()) {
            var task = entry.getValue();
            if (!task.state().isFinal()) {
                entry.setValue(new TaskStatus(task.id(), task.request(), TaskState.FAILED, task.attempt(),
                    task.createdAt(), task.startedAt(), task.finishedAt(), "", reason, task.tokens(),
                    task.warnings()));
                count++;
            }
        }
        return count;
    }

    @Override
    public void flush() {
        // Every save is already in memory.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
