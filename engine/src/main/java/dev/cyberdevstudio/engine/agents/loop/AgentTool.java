package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One thing the model may ask the loop to do. Tools act only through the sandboxes of the {@link ToolContext}. */
public interface AgentTool {

    String name();

    /** One line for the system prompt. */
    String description();

    /** The JSON Schema of the call's arguments (an object schema), part of the grammar the model must follow. */
    ObjectNode argumentsSchema();

    /**
     * Runs the call. Bad arguments, missing files and refused paths come back as {@link ToolResult#error}; an
     * exception is turned into one by the loop.
     */
    ToolResult run(JsonNode arguments, ToolContext context) throws Exception;
}
