package dev.cyberdevstudio.engine.agents.tasks;

import java.nio.file.Path;
import java.util.Optional;

/** What a running task's agent gets from the orchestrator. */
public interface TaskContext {

    TaskId id();

    TaskRequest request();

    /** 1 on the first attempt. */
    int attempt();

    /** Whether the user cancelled the task; agents check between steps (the thread is interrupted too). */
    boolean isCancelled();

    /** Records one step of the loop in the task's history. */
    void recordStep(String kind, String tool, String arguments, String result, long millis, long tokens);

    /**
     * Says that this task is about to change {@code file} (relative to the project). When another running task of
     * the same project has claimed it, both get a warning and this returns that task: its change will need a merge.
     */
    Optional<TaskId> claim(Path file);
}
