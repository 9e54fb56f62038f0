package dev.cyberdevstudio.engine.agents.loop;

/** Where a loop records each step (the orchestrator's task history). */
@FunctionalInterface
public interface StepRecorder {

    void record(String kind, String tool, String arguments, String result, long millis, long tokens);

    static StepRecorder none() {
        return (kind, tool, arguments, result, millis, tokens) -> { };
    }
}
