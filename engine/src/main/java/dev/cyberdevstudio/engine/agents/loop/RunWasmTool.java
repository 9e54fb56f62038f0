package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyberdevstudio.sandbox.wasm.WasiSpec;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;

/** run_wasm: a WebAssembly (WASI) program of the project in the WASM sandbox, the project its only folder. */
final class RunWasmTool implements AgentTool {

    @Override
    public String name() {
        return "run_wasm";
    }

    @Override
    public String description() {
        return "run a .wasm (WASI) program of the project with arguments, in the WebAssembly sandbox";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("module", Schemas.string(".wasm file relative to the project"));
        properties.set("args", Schemas.string("arguments separated by spaces"));
        return Schemas.object(properties, "module");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws InterruptedException {
        var module = ProjectPaths.normal(arguments.path("module").asText(""));
        if (!module.endsWith(".wasm") || !context.files().exists(module)) {
            return ToolResult.error("there is no .wasm file " + module + " in the project");
        }
        var args = new ArrayList<String>();
        args.add(module);
        for (var arg : arguments.path("args").asText("").strip().split("\\s+")) {
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        var output = new StringBuilder();
        var handle = context.wasm().runWasi(WasiSpec.of(context.files().resolve(module)).withArgs(args)
            .withPreopen(context.files().root()), chunk -> {
                synchronized (output) {
                    output.append(chunk.text());
                }
            });
        try {
            var result = handle.result().get();
            String text;
            synchronized (output) {
                text = output.toString();
            }
            return new ToolResult(result.succeeded(), text + "[" + result.outcome().describe() + "]");
        } catch (ExecutionException failed) {
            return ToolResult.error("the module could not run: " + failed.getCause().getMessage());
        } catch (InterruptedException interrupted) {
            handle.kill();
            throw interrupted;
        }
    }
}
