package dev.cyberdevstudio.engine.agents.tasks;

/** Where a task is in its life. The last four are final. */
public enum TaskState {
    /** Ready, waiting for a free slot (also between attempts). */
    QUEUED,
    /** Waiting for the tasks it depends on to succeed. */
    WAITING,
    RUNNING,
    SUCCEEDED,
    /** Failed on its last allowed attempt. */
    FAILED,
    CANCELLED,
    /** Never ran: a task it depends on failed, was cancelled or was skipped. */
    SKIPPED;

    public boolean isFinal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
