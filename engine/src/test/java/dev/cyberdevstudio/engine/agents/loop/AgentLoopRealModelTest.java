package dev.cyberdevstudio.engine.agents.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.llm.LlamaRuntime;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.SamplingParameters;
import dev.cyberdevstudio.llm.UsageRecorder;
import dev.cyberdevstudio.models.testing.TestModels;
import dev.cyberdevstudio.sandbox.fs.FsLimits;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loop against the real llama.cpp on a generated tiny model (random weights: it says nonsense, on purpose).
 * Whatever it says, the grammar holds every complete reply to a valid step, and the loop ends within its budget.
 */
class AgentLoopRealModelTest {

    @TempDir
    static Path project;
    private static LlamaRuntime runtime;
    private static LoadedModel loaded;

    @BeforeAll
    static void load() throws Exception {
        Files.writeString(project.resolve("calc.py"), "def add(a, b):\n    return a - b\n");
        runtime = LlamaRuntime.create(UsageRecorder.none());
        loaded = runtime.load(TestModels.tiny(), new LoadParameters(2, 2048, 256, 0, 1, false, Optional.empty()))
            .join();
    }

    @AfterAll
    static void unload() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everyCompleteReplyIsAValidStepAndTheLoopEndsWithinItsBudget(int seed) {
        var model = new LlamaAgentModel(loaded, SamplingParameters.defaults().withSeed(seed));
        var replies = new ArrayList<String>();
        var cutOff = new ArrayList<Boolean>();
        var recorded = new ArrayList<String>();
        var budget = new LoopBudget(4, 100_000, Duration.ofMinutes(2), 160);
        var tools = new ToolContext(ProjectFileSystem.open(project, FsLimits.defaults()), new ProposedChanges(),
            ProcessSandbox.detect(), new WasmSandbox(), Optional.empty(), "task", () -> false);

        var result = new AgentLoop(model, budget).run(AgentRole.DOC, "Document calc.py", "", tools,
            LoopListener.silent(), (kind, tool, arguments, text, millis, tokens) -> {
                recorded.add(kind);
                if (kind.equals("model")) {
                    replies.add(text);
                }
            });

        assertThat(result.ending()).isIn(LoopResult.Ending.ANSWERED, LoopResult.Ending.STEP_BUDGET);
        assertThat(result.steps()).isBetween(1, 4);
        assertThat(replies).hasSize(result.steps());
        var complete = replies.stream().filter(reply -> reply.strip().endsWith("}")).toList();
        assertThat(complete).allSatisfy(reply ->
            assertThat(StepFormat.parse(reply)).as(reply).isInstanceOf(StepFormat.Parsed.Call.class));
        assertThat(result.promptTokens()).isPositive();
        assertThat(List.copyOf(recorded)).contains("model");
    }
}
