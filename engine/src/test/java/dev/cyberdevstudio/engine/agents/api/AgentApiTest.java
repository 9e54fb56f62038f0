package dev.cyberdevstudio.engine.agents.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cyberdevstudio.engine.agents.tasks.InMemoryTaskStore;
import dev.cyberdevstudio.engine.agents.tasks.Orchestrator;
import dev.cyberdevstudio.engine.agents.tasks.TaskOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every agent method through JSON, with each result checked against its published schema. */
class AgentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Orchestrator orchestrator = new Orchestrator(Map.of(
        "test", context -> {
            context.recordStep("tool", "run_tests", "{}", "3 passed", 40, 0);
            return TaskOutcome.succeeded("3 passed");
        },
        "code", context -> {
            release.await();
            return TaskOutcome.succeeded("edited");
        }), new InMemoryTaskStore(), 2, Clock.systemUTC());
    private final AgentApi api = new AgentApi(orchestrator);

    @AfterEach
    void close() {
        release.countDown();
        orchestrator.close();
    }

    @Test
    void dispatchesRunsAndReportsATaskWithItsSteps() throws Exception {
        var dispatched = call("agent.dispatch", """
            {"agent": "test", "goal": "Run the tests", "project": "/p", "priority": "P0", "maxRetries": 2,
             "parameters": {"file": "tests/test_app.py"}}""");
        var id = dispatched.get("taskId").asText();
        waitFor(() -> call("agent.status", "{\"taskId\": \"" + id + "\"}").get("state").asText().equals("SUCCEEDED"));

        var status = call("agent.status", "{\"taskId\": \"" + id + "\"}");
        assertThat(status.get("summary").asText()).isEqualTo("3 passed");
        assertThat(status.get("priority").asText()).isEqualTo("P0");
        assertThat(status.path("parameters").path("file").asText()).isEqualTo("tests/test_app.py");
        assertThat(status.has("finishedAt")).isTrue();
        var history = call("agent.history", "{\"taskId\": \"" + id + "\"}");
        assertThat(history.get("steps")).hasSize(1);
        assertThat(history.get("steps").get(0).get("tool").asText()).isEqualTo("run_tests");
        var list = call("agent.list", "{\"state\": \"SUCCEEDED\", \"limit\": 5}");
        assertThat(list.get("tasks")).hasSize(1);
    }

    @Test
    void cancelsAndSaysWhenThereWasNothingLeftToCancel() throws Exception {
        var running = call("agent.dispatch", "{\"agent\": \"code\", \"goal\": \"Refactor\", \"project\": \"/p\"}")
            .get("taskId").asText();
        var waiting = call("agent.dispatch", "{\"agent\": \"test\", \"goal\": \"Check\", \"project\": \"/p\","
            + " \"dependsOn\": [\"" + running + "\"]}");
        assertThat(waiting.get("state").asText()).isEqualTo("WAITING");

        var cancelled = call("agent.cancel", "{\"taskId\": \"" + waiting.get("taskId").asText() + "\"}");
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        var again = call("agent.cancel", "{\"taskId\": \"" + waiting.get("taskId").asText() + "\"}");
        assertThat(again.get("cancelled").asBoolean()).isFalse();
        assertThat(call("agent.list", null).get("tasks")).hasSize(2);
    }

    @Test
    void refusesMalformedCallsWithTheJsonRpcCodeAndEveryProblemNamed() {
        assertThatThrownBy(() -> call("agent.dispatch", "{\"agent\": \"test\", \"priority\": \"P7\", \"extra\": 1}"))
            .isInstanceOfSatisfying(AgentApiException.class, error -> {
                assertThat(error.code()).isEqualTo(AgentApiException.INVALID_PARAMS);
                assertThat(error.getMessage()).contains("goal", "project", "priority", "extra");
            });
        assertThatThrownBy(() -> call("agent.dispatch", "{\"agent\": \"poet\", \"goal\": \"g\", \"project\": \"/p\"}"))
            .isInstanceOfSatisfying(AgentApiException.class, error -> {
                assertThat(error.code()).isEqualTo(AgentApiException.INVALID_PARAMS);
                assertThat(error.getMessage()).isEqualTo("No agent named 'poet'; the agents are code, test");
            });
        assertThatThrownBy(() -> call("agent.status", "{\"taskId\": \"task-nope\"}"))
            .isInstanceOfSatisfying(AgentApiException.class, error ->
                assertThat(error.code()).isEqualTo(AgentApiException.TASK_NOT_FOUND));
        assertThatThrownBy(() -> call("agent.history", "{}"))
            .isInstanceOfSatisfying(AgentApiException.class, error ->
                assertThat(error.code()).isEqualTo(AgentApiException.INVALID_PARAMS));
        assertThatThrownBy(() -> call("agent.explode", "{}"))
            .isInstanceOfSatisfying(AgentApiException.class, error -> {
                assertThat(error.code()).isEqualTo(AgentApiException.METHOD_NOT_FOUND);
                assertThat(error.getMessage()).contains("agent.dispatch, agent.status");
            });
        assertThatThrownBy(() -> AgentApi.schema("agent.nothing.params")).hasMessageContaining("No schema");
    }

    private JsonNode call(String method, String params) throws Exception {
        var result = api.call(method, params == null ? null : JSON.readTree(params));
        var problems = AgentApi.schema(method + ".result").validate(result);
        assertThat(problems).as("%s result %s against its schema", method, result).isEmpty();
        return result;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
