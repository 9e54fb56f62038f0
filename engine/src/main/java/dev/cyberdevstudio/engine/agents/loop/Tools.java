package dev.cyberdevstudio.engine.agents.loop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every tool the loop knows, by name. */
public final class Tools {

    private static final Map<String, AgentTool> ALL = List.of(new ReadFileTool(), new ListFilesTool(),
            new SearchTextTool(), new ProposeEditTool(), new RunCommandTool(), new RunTestsTool(), new RunWasmTool())
        .stream().collect(Collectors.toUnmodifiableMap(AgentTool::name, Function.identity()));

    private Tools() {
    }

    public static Optional<AgentTool> named(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<AgentTool> of(AgentRole role) {
        return role.tools().stream().map(ALL::get).toList();
    }
}
