package dev.cyberdevstudio.engine.agents.loop;

/** What a tool call gave back to the model: its output, or an error the model can correct. */
public record ToolResult(boolean ok, String text) {

    public static ToolResult ok(String text) {
        return new ToolResult(true, text);
    }

    public static ToolResult error(String text) {
        return new ToolResult(false, "ERROR: " + text);
    }
}
