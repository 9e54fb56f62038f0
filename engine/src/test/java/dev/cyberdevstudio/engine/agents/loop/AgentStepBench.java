package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.llm.TokenListener;
import dev.cyberdevstudio.sandbox.fs.FsLimits;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What one agent step costs on top of the model: a model that answers at once (so inference costs nothing) asks for
 * read_file, a cheap tool, step after step; the loop's own work per step (prompt fitting with token counting,
 * parsing, tool dispatch, recording) is what is left. Goal: at most 5 ms. {@code ./bench agentstep [STEPS] [ROUNDS]}.
 */
public final class AgentStepBench {

    private AgentStepBench() {
    }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        var project = Files.createTempDirectory("agent-step-bench");
        Files.writeString(project.resolve("calc.py"), "def add(a, b):\n    return a + b\n".repeat(40));
        var perStep = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            var model = new InstantModel(steps);
            var tools = new ToolContext(ProjectFileSystem.open(project, FsLimits.defaults()), new ProposedChanges(),
                ProcessSandbox.detect(), new WasmSandbox(), Optional.empty(), "bench", () -> false);
            long started = System.nanoTime();
            var result = new AgentLoop(model, new LoopBudget(steps + 1, Long.MAX_VALUE,
                java.time.Duration.ofHours(1), 256)).run(AgentRole.CODE, "Read calc.py", "", tools,
                LoopListener.silent(), StepRecorder.none());
            perStep[round] = (System.nanoTime() - started) / 1e6 / result.steps();
        }
        var warm = Arrays.copyOfRange(perStep, rounds / 3, rounds);
        Arrays.sort(warm);
        System.out.printf("agent step overhead (loop work per step, model answering instantly), %d steps x %d rounds:"
            + "%n  median %.3f ms, p90 %.3f ms, worst %.3f ms (goal <= 5 ms; median is %.1f%% of the goal)%n",
            steps, rounds, warm[warm.length / 2], warm[(int) (warm.length * 0.9)], warm[warm.length - 1],
            100 * warm[warm.length / 2] / 5);
        System.exit(0);
    }

    /** Counts a token per 4 characters, like a typical tokenizer, and replies at once. */
    private static final class InstantModel implements AgentModel {
        private final int steps;
        private int asked;

        InstantModel(int steps) {
            this.steps = steps;
        }

        @Override
        public String name() {
            return "instant";
        }

        @Override
        public int contextTokens() {
            return 32_768;
        }

        @Override
        public int countTokens(String text) {
            return text.length() / 4;
        }

        @Override
        public ModelReply next(List<ChatMessage> messages, String jsonSchema, int maxTokens, TokenListener listener,
                               BooleanSupplier cancel) {
            var reply = ++asked >= steps ? "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"done\"}}"
                : "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"calc.py\"}}";
            return new ModelReply(reply, 0, 0, false, Optional.empty());
        }
    }
}
