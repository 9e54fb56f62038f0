package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON every step of the model must be: {@code {"tool": "<name>", "arguments": {…}}}, one shape per tool the
 * role may call plus {@code final_answer} with the answer in markdown. The schema becomes llama.cpp's grammar, so a
 * model can only produce calls with the right argument names.
 */
final class StepFormat {

    static final String FINAL_ANSWER = "final_answer";

    private StepFormat() {
    }

    static String schema(List<AgentTool> tools) {
        var anyOf = Schemas.JSON.createArrayNode();
        for (var tool : tools) {
            anyOf.add(call(tool.name(), tool.argumentsSchema()));
        }
        var answer = Schemas.properties();
        answer.set("answer", Schemas.string("the answer to the user, in markdown"));
        anyOf.add(call(FINAL_ANSWER, Schemas.object(answer, "answer")));
        var schema = Schemas.JSON.createObjectNode();
        schema.set("anyOf", anyOf);
        try {
            return Schemas.JSON.writeValueAsString(schema);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode call(String name, ObjectNode arguments) {
        var properties = Schemas.properties();
        var constant = Schemas.JSON.createObjectNode();
        constant.put("const", name);
        properties.set("tool", constant);
        properties.set("arguments", arguments);
        return Schemas.object(properties, "tool", "arguments");
    }

    /** The system prompt's description of the tools and the format. */
    static String instructions(AgentRole role, List<AgentTool> tools) {
        var text = new StringBuilder("You are the ").append(role.displayName()).append(" agent of CyberDevStudio. ")
            .append(role.purpose()).append("\nWork in steps. Each reply is one JSON object: either a tool call ")
            .append("{\"tool\": NAME, \"arguments\": {…}} or {\"tool\": \"final_answer\", \"arguments\": ")
            .append("{\"answer\": MARKDOWN}}. After each call you get its result. Tools:\n");
        for (var tool : tools) {
            text.append("- ").append(tool.name()).append(": ").append(tool.description()).append('\n');
        }
        text.append("Never claim a file changed: edits are proposals the user reviews. Answer when you are done.");
        return text.toString();
    }

    /** The call the model made, or why its text is not one. */
    sealed interface Parsed {
        record Call(String tool, JsonNode arguments) implements Parsed {
        }

        record Invalid(String problem) implements Parsed {
        }
    }

    static Parsed parse(String text) {
        JsonNode node;
        try {
            node = Schemas.JSON.readTree(text.strip());
        } catch (JsonProcessingException broken) {
            return new Parsed.Invalid("the reply was not valid JSON (" + broken.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject() || !node.path("tool").isTextual()) {
            return new Parsed.Invalid("the reply must be an object with a \"tool\" name and \"arguments\"");
        }
        var arguments = node.path("arguments");
        return new Parsed.Call(node.get("tool").asText(), arguments.isObject() ? arguments
            : Schemas.JSON.createObjectNode());
    }
}
