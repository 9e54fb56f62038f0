package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for the argument schemas of tools. */
final class Schemas {

    static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    /** An object with these properties, all of {@code required} required, nothing else allowed. */
    static ObjectNode object(ObjectNode properties, String... required) {
        var schema = JSON.createObjectNode();
        schema.put("type", "object");
        schema.set("properties", properties);
        var list = schema.putArray("required");
        for (var name : required) {
            list.add(name);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode properties() {
        return JSON.createObjectNode();
    }

    static ObjectNode string(String description) {
        var schema = JSON.createObjectNode();
        schema.put("type", "string");
        schema.put("description", description);
        return schema;
    }

    static ObjectNode integer(String description) {
        var schema = JSON.createObjectNode();
        schema.put("type", "integer");
        schema.put("description", description);
        return schema;
    }

    static ObjectNode bool(String description) {
        var schema = JSON.createObjectNode();
        schema.put("type", "boolean");
        schema.put("description", description);
        return schema;
    }
}
