package dev.cyberdevstudio.engine.agents.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.changes.ApplyOutcome;
import dev.cyberdevstudio.engine.agents.changes.HunkSelection;
import dev.cyberdevstudio.engine.agents.changes.ProjectChanges;
import dev.cyberdevstudio.llm.ChatMessage;
import dev.cyberdevstudio.sandbox.fs.FsLimits;
import dev.cyberdevstudio.sandbox.fs.ProjectFileSystem;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop with a scripted model: exact expectations about steps, tool results, trimming and budgets. */
class AgentLoopTest {

    @TempDir
    Path project;
    @TempDir
    Path journal;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @BeforeEach
    void createProject() throws IOException {
        // The process sandbox runs as an unprivileged uid when the tests run as root: let it into the folder.
        Files.setPosixFilePermissions(project, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(project.resolve("calc.py"), "def add(a, b):\n    return a - b\n");
    }

    @Test
    void readsAFileProposesAnEditAndAnswersWithAChangeSetForReview() throws IOException {
        var model = new ScriptedModel(4096,
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"calc.py\"}}",
            "{\"tool\": \"propose_edit\", \"arguments\": {\"path\": \"calc.py\", \"old_text\": \"a - b\","
                + " \"new_text\": \"a + b\"}}",
            "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"Fixed `add`: it subtracted.\"}}");

        var result = loop(model, LoopBudget.defaults()).run(AgentRole.CODE, "Fix add", "", tools(), listener(),
            recorder());

        assertThat(result.ending()).isEqualTo(LoopResult.Ending.ANSWERED);
        assertThat(result.answer()).isEqualTo("Fixed `add`: it subtracted.");
        assertThat(result.steps()).isEqualTo(3);
        assertThat(Files.readString(project.resolve("calc.py"))).contains("a - b");
        var changes = result.changes().orElseThrow();
        assertThat(changes.edits()).singleElement().satisfies(edit -> {
            assertThat(edit.file()).isEqualTo(Path.of("calc.py"));
            assertThat(edit.proposed()).contains("def add(a, b):\n    return a + b\n");
            assertThat(edit.hunks()).hasSize(1);
        });
        var applied = ProjectChanges.open(project, journal).apply(changes, HunkSelection.all(changes));
        assertThat(applied).isInstanceOf(ApplyOutcome.Applied.class);
        assertThat(Files.readString(project.resolve("calc.py"))).contains("a + b");
        assertThat(events).contains("call 0 read_file", "result 0 read_file ok", "call 1 propose_edit",
            "result 1 propose_edit ok");
        assertThat(recorded).containsExactly("model", "tool read_file", "model", "tool propose_edit", "model");
        var toolMessage = model.prompts.get(1).getLast();
        assertThat(toolMessage.role()).isEqualTo(ChatMessage.Role.TOOL);
        assertThat(toolMessage.content()).contains("2:     return a - b");
        assertThat(model.schemas.getFirst()).contains("\"const\":\"propose_edit\"", "\"const\":\"final_answer\"");
    }

    @Test
    void feedsEveryBadStepBackAsAnErrorAndEndsAtTheStepBudget() {
        var model = new ScriptedModel(4096,
            "this is not json",
            "{\"tool\": \"format_disk\", \"arguments\": {}}",
            "{\"tool\": \"run_command\", \"arguments\": {\"command\": \"ls\"}}",
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"missing.py\"}}",
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"../../etc/passwd\"}}",
            "{\"tool\": \"propose_edit\", \"arguments\": {\"path\": \"calc.py\", \"old_text\": \"nope\","
                + " \"new_text\": \"x\"}}");

        var result = loop(model, new LoopBudget(6, 100_000, Duration.ofMinutes(1), 256)).run(AgentRole.DOC,
            "Document", "", tools(), listener(), recorder());

        assertThat(result.ending()).isEqualTo(LoopResult.Ending.STEP_BUDGET);
        assertThat(result.answer()).contains("6 steps");
        assertThat(result.changes()).isEmpty();
        var toolReplies = model.prompts.getLast().stream().filter(message -> message.role() == ChatMessage.Role.TOOL)
            .map(ChatMessage::content).toList();
        assertThat(toolReplies).hasSize(5).allSatisfy(reply -> assertThat(reply).startsWith("ERROR: "));
        assertThat(toolReplies.get(0)).contains("not valid JSON");
        assertThat(toolReplies.get(1)).contains("has no tool format_disk");
        assertThat(toolReplies.get(2)).contains("The Doc agent has no tool run_command".substring(4));
        assertThat(toolReplies.get(3)).contains("there is no file missing.py");
        assertThat(toolReplies.get(4)).contains("Refused");
    }

    @Test
    void trimsTheOldestToolOutputToFitTheContextAndSaysSo() throws IOException {
        Files.writeString(project.resolve("big.txt"), "word ".repeat(300) + "\n");
        var model = new ScriptedModel(1200,
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"big.txt\"}}",
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"big.txt\"}}",
            "{\"tool\": \"read_file\", \"arguments\": {\"path\": \"big.txt\"}}",
            "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"done\"}}");

        var result = loop(model, new LoopBudget(10, 100_000, Duration.ofMinutes(1), 256)).run(AgentRole.CODE,
            "Read it", "", tools(), listener(), recorder());

        assertThat(result.ending()).isEqualTo(LoopResult.Ending.ANSWERED);
        assertThat(events).anyMatch(event -> event.startsWith("trimmed"));
        assertThat(model.prompts.getLast()).anySatisfy(message ->
            assertThat(message.content()).isEqualTo(ContextWindow.TRIMMED));
        assertThat(new ContextWindow(model::countTokens, 1200 - 256).tokens(model.prompts.getLast()))
            .isLessThanOrEqualTo(1200 - 256);
    }

    @Test
    void saysWhenTheTaskItselfCannotFitAndStopsOnTokenTimeAndCancel() {
        var tooSmall = new ScriptedModel(300, "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"x\"}}");
        var noRoom = loop(tooSmall, new LoopBudget(5, 100_000, Duration.ofMinutes(1), 256)).run(AgentRole.CODE,
            "Fix", "context ".repeat(500), tools(), listener(), recorder());
        assertThat(noRoom.ending()).isEqualTo(LoopResult.Ending.NO_ROOM);
        assertThat(noRoom.answer()).contains("300 tokens");

        var chatty = new ScriptedModel(4096, "{\"tool\": \"list_files\", \"arguments\": {\"path\": \".\"}}");
        assertThat(loop(chatty, new LoopBudget(50, 500, Duration.ofMinutes(1), 256)).run(AgentRole.CODE, "Look", "",
            tools(), listener(), recorder()).ending()).isEqualTo(LoopResult.Ending.TOKEN_BUDGET);
        assertThat(loop(chatty, new LoopBudget(50, 1_000_000, Duration.ZERO, 256)).run(AgentRole.CODE, "Look", "",
            tools(), listener(), recorder()).ending()).isEqualTo(LoopResult.Ending.TIME_BUDGET);
        cancelled.set(true);
        assertThat(loop(chatty, LoopBudget.defaults()).run(AgentRole.CODE, "Look", "", tools(), listener(),
            recorder()).ending()).isEqualTo(LoopResult.Ending.CANCELLED);
    }

    @Test
    void listsSearchesRunsCommandsInTheSandboxAndJournalsWhatTheyChange() throws IOException {
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/util.py"), "def helper():\n    return add(1, 2)\n");
        var model = new ScriptedModel(8192,
            "{\"tool\": \"list_files\", \"arguments\": {\"path\": \".\", \"depth\": 2}}",
            "{\"tool\": \"search_text\", \"arguments\": {\"query\": \"add\\\\(\", \"regex\": true}}",
            "{\"tool\": \"run_command\", \"arguments\": {\"command\": \"echo made > out.txt && cat calc.py\"}}",
            "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"ok\"}}");
        var changes = ProjectChanges.open(project, journal);

        var result = loop(model, LoopBudget.defaults()).run(AgentRole.CODE, "Explore", "", tools(changes),
            listener(), recorder());

        assertThat(result.ending()).isEqualTo(LoopResult.Ending.ANSWERED);
        var replies = model.prompts.getLast().stream().filter(message -> message.role() == ChatMessage.Role.TOOL)
            .map(ChatMessage::content).toList();
        assertThat(replies.get(0)).contains("calc.py", "src/", "src/util.py");
        assertThat(replies.get(1)).contains("calc.py:1: def add(a, b):", "src/util.py:2: return add(1, 2)");
        assertThat(replies.get(2)).contains("$ echo made > out.txt && cat calc.py", "return a - b",
            "exited with code 0");
        assertThat(Files.readString(project.resolve("out.txt"))).isEqualTo("made\n");
        assertThat(changes.history()).singleElement().satisfies(checkpoint -> {
            assertThat(checkpoint.title()).isEqualTo("echo made > out.txt && cat calc.py");
            assertThat(checkpoint.taskId()).isEqualTo("task-7");
        });
    }

    @Test
    void runsTheProjectsTestsAndReportsFailuresWithTheirPlace() throws Exception {
        // The sandbox sees the system Python, not a user-installed one.
        var pytest = new ProcessBuilder("/usr/bin/python3", "-c", "import pytest").start();
        org.junit.jupiter.api.Assumptions.assumeTrue(pytest.waitFor() == 0, "pytest is not installed");
        Files.writeString(project.resolve("test_calc.py"), "from calc import add\n\n\ndef test_add():\n"
            + "    assert add(2, 2) == 4\n");
        var model = new ScriptedModel(8192, "{\"tool\": \"run_tests\", \"arguments\": {}}",
            "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"add is wrong\"}}");

        loop(model, LoopBudget.defaults()).run(AgentRole.TEST, "Run the tests", "", tools(), listener(), recorder());

        var report = model.prompts.getLast().getLast().content();
        assertThat(report).contains("0 passed, 1 failed", "FAILED", "test_add at test_calc.py:5");
    }

    private AgentLoop loop(ScriptedModel model, LoopBudget budget) {
        return new AgentLoop(model, budget);
    }

    private ToolContext tools() {
        return new ToolContext(ProjectFileSystem.open(project, FsLimits.defaults()), new ProposedChanges(),
            ProcessSandbox.detect(), new WasmSandbox(), Optional.empty(), "task-7", cancelled::get);
    }

    private ToolContext tools(ProjectChanges changes) {
        return new ToolContext(ProjectFileSystem.open(project, FsLimits.defaults()), new ProposedChanges(),
            ProcessSandbox.detect(), new WasmSandbox(), Optional.of(changes), "task-7", cancelled::get);
    }

    private LoopListener listener() {
        return new LoopListener() {
            @Override
            public void toolCall(int step, String tool, String arguments) {
                events.add("call " + step + " " + tool);
            }

            @Override
            public void toolResult(int step, String tool, ToolResult result, long millis) {
                events.add("result " + step + " " + tool + (result.ok() ? " ok" : " error"));
            }

            @Override
            public void trimmed(int step, int messages, int tokensFreed) {
                events.add("trimmed " + messages);
            }
        };
    }

    private StepRecorder recorder() {
        return (kind, tool, arguments, result, millis, tokens) -> recorded.add(tool.isEmpty() ? kind
            : kind + " " + tool);
    }
}
