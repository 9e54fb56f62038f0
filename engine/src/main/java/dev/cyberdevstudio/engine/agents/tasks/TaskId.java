package dev.cyberdevstudio.engine.agents.tasks;

import java.util.Objects;
import java.util.UUID;

/** A task's name for its whole life, in the store and over the API. */
public record TaskId(String value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("A task id is 1 to 64 characters: '" + value + "'");
        }
    }

    static TaskId random() {
        return new TaskId("task-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
