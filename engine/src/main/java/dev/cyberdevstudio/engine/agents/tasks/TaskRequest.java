package dev.cyberdevstudio.engine.agents.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to do: which agent, to what end, how urgently, after which tasks, and how many times to retry a failure.
 *
 * @param project    the project folder the agent works in (absolute)
 * @param parameters agent-specific settings (the open file, the selection, a test name …)
 */
public record TaskRequest(String agent, String goal, String project, Priority priority, List<TaskId> dependsOn,
                          int maxRetries, Map<String, String> parameters) {

    public static final int MAX_RETRIES = 10;

    public TaskRequest {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(priority, "priority");
        dependsOn = List.copyOf(dependsOn);
        parameters = Map.copyOf(parameters);
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries must be 0 to " + MAX_RETRIES + ", not " + maxRetries);
        }
    }

    public static TaskRequest of(String agent, String goal, String project) {
        return new TaskRequest(agent, goal, project, Priority.P1, List.of(), 0, Map.of());
    }

    public TaskRequest withPriority(Priority value) {
        return new TaskRequest(agent, goal, project, value, dependsOn, maxRetries, parameters);
    }

    public TaskRequest after(TaskId... tasks) {
        return new TaskRequest(agent, goal, project, priority, List.of(tasks), maxRetries, parameters);
    }

    public TaskRequest withRetries(int value) {
        return new TaskRequest(agent, goal, project, priority, dependsOn, value, parameters);
    }

    public TaskRequest withParameters(Map<String, String> value) {
        return new TaskRequest(agent, goal, project, priority, dependsOn, maxRetries, value);
    }
}
