package dev.cyberdevstudio.engine.agents.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.agents.tasks.Orchestrator;
import dev.cyberdevstudio.engine.agents.tasks.Priority;
import dev.cyberdevstudio.engine.agents.tasks.TaskId;
import dev.cyberdevstudio.engine.agents.tasks.TaskRequest;
import dev.cyberdevstudio.engine.agents.tasks.TaskState;
import dev.cyberdevstudio.engine.agents.tasks.TaskStatus;
import dev.cyberdevstudio.engine.agents.tasks.TaskStep;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The agent methods as JSON in, JSON out: {@code agent.dispatch}, {@code agent.status}, {@code agent.cancel},
 * {@code agent.list} and {@code agent.history}, each with a JSON Schema for its parameters and one for its result
 * (resources beside this class: {@code agent.dispatch.params.schema.json} …). Parameters are checked against their
 * schema before anything runs, so a malformed call gets {@link AgentApiException#INVALID_PARAMS} naming every
 * problem. The server issue puts this behind JSON-RPC; the desktop calls the {@link Orchestrator} directly.
 *
 * <pre>{@code
 * var api = new AgentApi(orchestrator);
 * JsonNode result = api.call("agent.dispatch", json.readTree("{\"agent\":\"test\",\"goal\":\"run\",\"project\":\"/p\"}"));
 * }</pre>
 */
public final class AgentApi {

    public static final List<String> METHODS = List.of("agent.dispatch", "agent.status", "agent.cancel",
        "agent.list", "agent.history");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_LIMIT = 100;

    private final Orchestrator orchestrator;
    private final Map<String, JsonSchema> paramsSchemas = new LinkedHashMap<>();

    public AgentApi(Orchestrator orchestrator) {
        this.orchestrator = orchestrator;
        METHODS.forEach(method -> paramsSchemas.put(method, schema(method + ".params")));
    }

    /** The JSON Schema of {@code method}'s parameters ({@code kind} "params") or result ("result"). */
    public static JsonSchema schema(String methodAndKind) {
        var resource = methodAndKind + ".schema.json";
        try (var in = AgentApi.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EngineException("No schema " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        } catch (IOException unreadable) {
            throw new EngineException("Could not read the schema " + resource, unreadable);
        }
    }

    /**
     * Runs {@code method} with {@code params} (null or a JSON null means no parameters).
     *
     * @throws AgentApiException for an unknown method, parameters that break the schema or name an unknown agent
     *                           or task
     */
    public JsonNode call(String method, JsonNode params) {
        var schema = paramsSchemas.get(method);
        if (schema == null) {
            throw new AgentApiException(AgentApiException.METHOD_NOT_FOUND, "No method " + method + "; the agent"
                + " methods are " + String.join(", ", METHODS));
        }
        var given = params == null || params.isNull() ? JSON.createObjectNode() : params;
        var problems = schema.validate(given);
        if (!problems.isEmpty()) {
            throw new AgentApiException(AgentApiException.INVALID_PARAMS, "Invalid parameters for " + method + ": "
                + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        return switch (method) {
            case "agent.dispatch" -> dispatch(given);
            case "agent.status" -> task(status(taskId(given)));
            case "agent.cancel" -> cancel(taskId(given));
            case "agent.list" -> list(given);
            default -> history(taskId(given));
        };
    }

    private JsonNode dispatch(JsonNode params) {
        var dependsOn = new ArrayList<TaskId>();
        params.path("dependsOn").forEach(id -> dependsOn.add(new TaskId(id.asText())));
        var parameters = new LinkedHashMap<String, String>();
        params.path("parameters").properties().forEach(entry -> parameters.put(entry.getKey(),
            entry.getValue().asText()));
        var request = new TaskRequest(params.path("agent").asText(), params.path("goal").asText(),
            params.path("project").asText(), Priority.valueOf(params.path("priority").asText("P1")), dependsOn,
            params.path("maxRetries").asInt(0), parameters);
        TaskId id;
        try {
            id = orchestrator.dispatch(request);
        } catch (IllegalArgumentException refused) {
            throw new AgentApiException(AgentApiException.INVALID_PARAMS, refused.getMessage());
        }
        var result = JSON.createObjectNode();
        result.put("taskId", id.value());
        result.put("state", status(id).state().name());
        return result;
    }

    private JsonNode cancel(TaskId id) {
        var cancelled = orchestrator.cancel(id);
        var state = status(id).state();
        var result = JSON.createObjectNode();
        result.put("taskId", id.value());
        result.put("cancelled", cancelled);
        result.put("state", state.name());
        return result;
    }

    private JsonNode list(JsonNode params) {
        var state = params.has("state") ? Optional.of(TaskState.valueOf(params.get("state").asText()))
            : Optional.<TaskState>empty();
        var tasks = JSON.createArrayNode();
        orchestrator.list(state, params.path("limit").asInt(DEFAULT_LIMIT)).forEach(task -> tasks.add(task(task)));
        var result = JSON.createObjectNode();
        result.set("tasks", tasks);
        return result;
    }

    private JsonNode history(TaskId id) {
        var result = JSON.createObjectNode();
        result.set("task", task(status(id)));
        var steps = JSON.createArrayNode();
        orchestrator.steps(id).forEach(step -> steps.add(step(step)));
        result.set("steps", steps);
        return result;
    }

    private TaskStatus status(TaskId id) {
        return orchestrator.status(id).orElseThrow(() -> new AgentApiException(AgentApiException.TASK_NOT_FOUND,
            "No task " + id));
    }

    private static TaskId taskId(JsonNode params) {
        return new TaskId(params.path("taskId").asText());
    }

    private static ObjectNode task(TaskStatus task) {
        var node = JSON.createObjectNode();
        var request = task.request();
        node.put("id", task.id().value());
        node.put("agent", request.agent());
        node.put("goal", request.goal());
        node.put("project", request.project());
        node.put("priority", request.priority().name());
        node.put("state", task.state().name());
        node.put("attempt", task.attempt());
        node.put("maxRetries", request.maxRetries());
        var dependsOn = node.putArray("dependsOn");
        request.dependsOn().forEach(id -> dependsOn.add(id.value()));
        var parameters = node.putObject("parameters");
        request.parameters().forEach(parameters::put);
        node.put("createdAt", time(task.createdAt()));
        task.startedAt().ifPresent(at -> node.put("startedAt", time(at)));
        task.finishedAt().ifPresent(at -> node.put("finishedAt", time(at)));
        node.put("summary", task.summary());
        node.put("error", task.error());
        node.put("tokens", task.tokens());
        ArrayNode warnings = node.putArray("warnings");
        task.warnings().forEach(warnings::add);
        return node;
    }

    private static ObjectNode step(TaskStep step) {
        var node = JSON.createObjectNode();
        node.put("index", step.index());
        node.put("attempt", step.attempt());
        node.put("kind", step.kind());
        node.put("tool", step.tool());
        node.put("arguments", step.arguments());
        node.put("result", step.result());
        node.put("millis", step.millis());
        node.put("tokens", step.tokens());
        node.put("at", time(step.at()));
        return node;
    }

    private static String time(Instant instant) {
        return instant.toString();
    }
}
