package dev.cyberdevstudio.engine.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link RunRequest} as JSON for the history and reads it back, so that a run can be rerun after a restart.
 * Written by hand rather than by data binding: the stored form must not change when a record gains a method.
 */
final class RunRequestCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunRequestCodec() {
    }

    static String write(RunRequest request) {
        var node = JSON.createObjectNode();
        node.put("kind", request.kind().name());
        switch (request) {
            case RunRequest.ProcessRun process -> {
                var command = node.putArray("command");
                process.command().forEach(command::add);
                node.put("projectRoot", process.projectRoot().toString());
                node.put("workingFolder", process.workingFolder().toString());
                var environment = node.putObject("environment");
                process.environment().forEach(environment::put);
                node.put("network", process.network());
                writeLimits(node.putObject("limits"), process.limits());
            }
            case RunRequest.WasmRun wasm -> {
                node.put("module", wasm.module().toString());
                wasm.export().ifPresent(export -> node.put("export", export));
                var args = node.putArray("args");
                wasm.args().forEach(args::add);
                wasm.preopen().ifPresent(preopen -> node.put("preopen", preopen.toString()));
                writeLimits(node.putObject("limits"), wasm.limits());
            }
            case RunRequest.SshRun ssh -> {
                node.put("target", ssh.target());
                node.put("command", ssh.command());
            }
        }
        return node.toString();
    }

    /** The request stored as {@code json}; empty when it is not a request this studio can read. */
    static Optional<RunRequest> read(String json) {
        try {
            var node = JSON.readTree(json);
            return Optional.of(switch (RunRequest.Kind.valueOf(node.path("kind").asText())) {
                case PROCESS -> new RunRequest.ProcessRun(strings(node.path("command")),
                        Path.of(text(node, "projectRoot")), Path.of(text(node, "workingFolder")),
                        map(node.path("environment")), node.path("network").asBoolean(false),
                        readLimits(node.path("limits")));
                case WASM -> new RunRequest.WasmRun(Path.of(text(node, "module")),
                        optionalText(node, "export"), strings(node.path("args")),
                        optionalText(node, "preopen").map(Path::of), readLimits(node.path("limits")));
                case SSH -> new RunRequest.SshRun(text(node, "target"), text(node, "command"));
            });
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException unreadable) {
            return Optional.empty();
        }
    }

    private static void writeLimits(ObjectNode node, RunLimits limits) {
        node.put("wallTimeoutMs", limits.wallTimeout().toMillis());
        node.put("cpuTimeMs", limits.cpuTime().toMillis());
        node.put("memoryBytes", limits.memoryBytes());
        node.put("maxProcesses", limits.maxProcesses());
        node.put("maxOutputBytes", limits.maxOutputBytes());
    }

    private static RunLimits readLimits(JsonNode node) {
        if (node.isMissingNode()) {
            return RunLimits.defaults();
        }
        var defaults = RunLimits.defaults();
        return new RunLimits(
                Duration.ofMillis(node.path("wallTimeoutMs").asLong(defaults.wallTimeout().toMillis())),
                Duration.ofMillis(node.path("cpuTimeMs").asLong(defaults.cpuTime().toMillis())),
                node.path("memoryBytes").asLong(defaults.memoryBytes()),
                node.path("maxProcesses").asInt(defaults.maxProcesses()),
                node.path("maxOutputBytes").asLong(defaults.maxOutputBytes()));
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> map(JsonNode object) {
        var values = new LinkedHashMap<String, String>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
