package dev.cyberdevstudio.engine.agents.api;

import dev.cyberdevstudio.engine.EngineException;

/**
 * A call of the agent API that cannot be answered, with the JSON-RPC error code the server will send:
 * {@link #INVALID_PARAMS}, {@link #METHOD_NOT_FOUND} or {@link #TASK_NOT_FOUND}.
 */
public final class AgentApiException extends EngineException {

    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    /** Our own code: the task id names no task. */
    public static final int TASK_NOT_FOUND = -32004;

    private final int code;

    public AgentApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
