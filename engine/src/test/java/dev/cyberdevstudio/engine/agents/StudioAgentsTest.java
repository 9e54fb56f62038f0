package dev.cyberdevstudio.engine.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.changes.ProjectChanges;
import dev.cyberdevstudio.engine.agents.loop.AgentModel;
import dev.cyberdevstudio.engine.agents.loop.LoopBudget;
import dev.cyberdevstudio.engine.agents.loop.ScriptedModel;
import dev.cyberdevstudio.engine.agents.tasks.InMemoryTaskStore;
import dev.cyberdevstudio.engine.agents.tasks.Orchestrator;
import dev.cyberdevstudio.engine.agents.tasks.TaskId;
import dev.cyberdevstudio.engine.agents.tasks.TaskRequest;
import dev.cyberdevstudio.engine.agents.tasks.TaskState;
import dev.cyberdevstudio.sandbox.process.ProcessSandbox;
import dev.cyberdevstudio.sandbox.wasm.WasmSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agents through the orchestrator, with no model and with a scripted one. */
class StudioAgentsTest {

    @TempDir
    Path project;
    @TempDir
    Path journals;
    private final AtomicReference<Optional<AgentModel>> model = new AtomicReference<>(Optional.empty());
    private StudioAgents agents;
    private Orchestrator orchestrator;

    @BeforeEach
    void start() throws Exception {
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(project.resolve("calc.py"), "def add(a, b):\n    return a - b\n");
        agents = new StudioAgents(model::get, ProcessSandbox.detect(), new WasmSandbox(),
            root -> ProjectChanges.open(root, journals), LoopBudget.defaults());
        orchestrator = new Orchestrator(agents.workers(), new InMemoryTaskStore(), 2, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        orchestrator.close();
    }

    @Test
    void theDebugAgentPointsAtTheLineWithoutAModelAndSaysAModelWouldGoFurther() throws Exception {
        var output = "Traceback (most recent call last):\n  File \"" + project + "/calc.py\", line 2, in add\n"
            + "    return a - b\nTypeError: unsupported operand type(s) for -: 'str' and 'int'\n";
        var id = orchestrator.dispatch(TaskRequest.of("debug", "Why does it fail?", project.toString())
            .withParameters(Map.of("output", output)));

        var answer = finished(id);

        assertThat(answer.markdown()).contains("TypeError: unsupported operand", "`calc.py:2`", "> 2 |     return a - b",
            "No model is loaded, so the Debug agent did only what needs none");
        assertThat(answer.model()).isEmpty();
        assertThat(answer.changes()).isEmpty();
        assertThat(orchestrator.steps(id)).isNotEmpty();
    }

    @Test
    void theCodeAgentWithAModelProposesAChangeSetForReview() throws Exception {
        model.set(Optional.of(new ScriptedModel(4096,
            "{\"tool\": \"propose_edit\", \"arguments\": {\"path\": \"calc.py\", \"old_text\": \"a - b\","
                + " \"new_text\": \"a + b\"}}",
            "{\"tool\": \"final_answer\", \"arguments\": {\"answer\": \"`add` now adds.\"}}")));
        var id = orchestrator.dispatch(TaskRequest.of("code", "Fix add", project.toString()));

        var answer = finished(id);

        assertThat(answer.markdown()).isEqualTo("`add` now adds.");
        assertThat(answer.model()).contains("scripted");
        assertThat(answer.changes().orElseThrow().edits()).hasSize(1);
        assertThat(answer.loop().orElseThrow().steps()).isEqualTo(2);
        assertThat(Files.readString(project.resolve("calc.py"))).contains("a - b");
        assertThat(orchestrator.status(id).orElseThrow().tokens()).isPositive();
    }

    @Test
    void theTestAgentRunsTheTestsInTheSandbox() throws Exception {
        var pytest = new ProcessBuilder("/usr/bin/python3", "-c", "import pytest").start();
        org.junit.jupiter.api.Assumptions.assumeTrue(pytest.waitFor() == 0, "the system Python has no pytest");
        Files.writeString(project.resolve("test_calc.py"), "from calc import add\n\n\ndef test_add():\n"
            + "    assert add(1, 1) == 2\n");
        var id = orchestrator.dispatch(TaskRequest.of("test", "Run the tests", project.toString()));

        var answer = finished(id);

        assertThat(answer.markdown()).contains("0 passed, 1 failed", "test_add at test_calc.py:5");
    }

    @Test
    void theDesignAgentReportsContrastProblemsWithoutAModel() throws Exception {
        Files.writeString(project.resolve("site.css"), ".hint { color: #999; background-color: #fff; }\n");
        var id = orchestrator.dispatch(TaskRequest.of("design", "Check the UI", project.toString()));

        assertThat(finished(id).markdown()).contains("**Design findings**", "error `site.css:1`", "contrast of 2.85:1");
    }

    @Test
    void theSecurityAgentReportsPlantedProblemsWithoutAModel() throws Exception {
        Files.writeString(project.resolve("app.py"), "import subprocess\n\ndef run(user_input):\n"
            + "    subprocess.call(\"ls \" + user_input, shell=True)\n");
        var id = orchestrator.dispatch(TaskRequest.of("security", "Audit", project.toString()));

        assertThat(finished(id).markdown()).contains("**Security scan:**", "`app.py:4", "CWE-78");
    }

    private AgentAnswer finished(TaskId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!orchestrator.status(id).orElseThrow().state().isFinal()) {
            assertThat(System.nanoTime()).as("task finished within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(orchestrator.status(id).orElseThrow().state()).isEqualTo(TaskState.SUCCEEDED);
        return agents.answer(id.value()).orElseThrow();
    }
}
