package dev.cyberdevstudio.engine.agents.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task as it stands: its request, state, attempts, result and the warnings raised while it ran (another task
 * editing the same file, say).
 *
 * @param attempt  how many times it has started (0 before the first)
 * @param summary  what it achieved, when it succeeded; empty otherwise
 * @param error    why the last attempt failed, why it was skipped or cancelled; empty otherwise
 * @param tokens   model tokens all its attempts used
 */
public record TaskStatus(TaskId id, TaskRequest request, TaskState state, int attempt, Instant createdAt,
                         Optional<Instant> startedAt, Optional<Instant> finishedAt, String summary, String error,
                         long tokens, List<String> warnings) {

    public TaskStatus {
        warnings = List.copyOf(warnings);
    }
}
