package dev.cyberdevstudio.engine.agents.tasks;

/** The work of one kind of agent: runs one attempt of a task on a virtual thread of the orchestrator. */
@FunctionalInterface
public interface AgentWorker {

    /**
     * Does the task. Returns how it ended; an exception is a retryable failure with the exception's message.
     * Should return soon after {@link TaskContext#isCancelled()} turns true (the thread is interrupted then).
     */
    TaskOutcome work(TaskContext context) throws Exception;
}
