package dev.cyberdevstudio.engine.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

    private static final String PROJECT = "/projects/shop";
    private final InMemoryTaskStore store = new InMemoryTaskStore();
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch gate = new CountDownLatch(1);
    private Orchestrator orchestrator;

    @AfterEach
    void close() {
        gate.countDown();
        if (orchestrator != null) {
            orchestrator.close();
        }
    }

    @Test
    void runsHigherPrioritiesFirstAndEqualOnesInDispatchOrder() throws Exception {
        orchestrator = orchestrator(1, Map.of("gate", context -> {
            gate.await();
            return TaskOutcome.succeeded("opened");
        }, "log", context -> {
            order.add(context.request().goal());
            return TaskOutcome.succeeded("logged");
        }));
        var first = orchestrator.dispatch(TaskRequest.of("gate", "hold the only slot", PROJECT));
        waitUntil(() -> state(first) == TaskState.RUNNING);
        orchestrator.dispatch(TaskRequest.of("log", "p2", PROJECT).withPriority(Priority.P2));
        orchestrator.dispatch(TaskRequest.of("log", "p1-a", PROJECT));
        orchestrator.dispatch(TaskRequest.of("log", "p0", PROJECT).withPriority(Priority.P0));
        var last = orchestrator.dispatch(TaskRequest.of("log", "p1-b", PROJECT));
        gate.countDown();

        waitUntil(() -> state(last) == TaskState.SUCCEEDED && order.size() == 4);
        assertThat(order).containsExactly("p0", "p1-a", "p1-b", "p2");
    }

    @Test
    void neverRunsMoreThanItsParallelismAtOnce() {
        var now = new AtomicInteger();
        var most = new AtomicInteger();
        orchestrator = orchestrator(3, Map.of("busy", context -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(5);
            now.decrementAndGet();
            return TaskOutcome.succeeded("done");
        }));
        var ids = new ArrayList<TaskId>();
        for (int i = 0; i < 30; i++) {
            ids.add(orchestrator.dispatch(TaskRequest.of("busy", "task " + i, PROJECT)));
        }

        waitUntil(() -> ids.stream().allMatch(id -> state(id) == TaskState.SUCCEEDED));
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void startsADependentTaskOnlyAfterAllItsDependenciesSucceeded() throws Exception {
        var release = new ConcurrentHashMap<String, CountDownLatch>();
        release.put("a", new CountDownLatch(1));
        release.put("b", new CountDownLatch(1));
        orchestrator = orchestrator(4, Map.of("step", context -> {
            var latch = release.get(context.request().goal());
            if (latch != null) {
                latch.await();
            }
            order.add(context.request().goal());
            return TaskOutcome.succeeded(context.request().goal());
        }));
        var a = orchestrator.dispatch(TaskRequest.of("step", "a", PROJECT));
        var b = orchestrator.dispatch(TaskRequest.of("step", "b", PROJECT));
        var c = orchestrator.dispatch(TaskRequest.of("step", "c", PROJECT).after(a, b));
        assertThat(state(c)).isEqualTo(TaskState.WAITING);

        release.get("a").countDown();
        waitUntil(() -> state(a) == TaskState.SUCCEEDED);
        assertThat(state(c)).isEqualTo(TaskState.WAITING);
        release.get("b").countDown();

        waitUntil(() -> state(c) == TaskState.SUCCEEDED);
        assertThat(order).containsExactly("a", "b", "c");
        var late = orchestrator.dispatch(TaskRequest.of("step", "d", PROJECT).after(c));
        waitUntil(() -> state(late) == TaskState.SUCCEEDED);
    }

    @Test
    void retriesAFailureUpToTheLimitAndRecordsTheAttempts() {
        var attempts = new AtomicInteger();
        orchestrator = orchestrator(2, Map.of("flaky", context -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("port busy on attempt " + context.attempt());
            }
            return TaskOutcome.succeeded("passed on attempt " + context.attempt());
        }, "broken", context -> TaskOutcome.failed("always broken")));

        var flaky = orchestrator.dispatch(TaskRequest.of("flaky", "retry me", PROJECT).withRetries(2));
        var broken = orchestrator.dispatch(TaskRequest.of("broken", "give up", PROJECT).withRetries(1));

        waitUntil(() -> state(flaky).isFinal() && state(broken).isFinal());
        var passed = orchestrator.status(flaky).orElseThrow();
        assertThat(passed.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(passed.attempt()).isEqualTo(3);
        assertThat(passed.summary()).isEqualTo("passed on attempt 3");
        var failed = orchestrator.status(broken).orElseThrow();
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("always broken");
    }

    @Test
    void doesNotRetryAFailureTheAgentCallsFinal() {
        orchestrator = orchestrator(1, Map.of("no-model", context ->
            new TaskOutcome.Failed("No model is loaded", false)));

        var id = orchestrator.dispatch(TaskRequest.of("no-model", "explain", PROJECT).withRetries(5));

        waitUntil(() -> state(id) == TaskState.FAILED);
        assertThat(orchestrator.status(id).orElseThrow().attempt()).isEqualTo(1);
    }

    @Test
    void skipsEveryTaskDownstreamOfAFailure() {
        orchestrator = orchestrator(2, Map.of("fail", context -> TaskOutcome.failed("compile error"),
            "ok", context -> TaskOutcome.succeeded("fine")));
        var gatekeeper = orchestrator.dispatch(TaskRequest.of("fail", "build", PROJECT));
        var child = orchestrator.dispatch(TaskRequest.of("ok", "test", PROJECT).after(gatekeeper));
        var grandchild = orchestrator.dispatch(TaskRequest.of("ok", "doc", PROJECT).after(child));

        waitUntil(() -> state(grandchild).isFinal());
        assertThat(state(child)).isEqualTo(TaskState.SKIPPED);
        assertThat(orchestrator.status(grandchild).orElseThrow().error()).contains(child.value(), "skipped");
        var afterTheFact = orchestrator.dispatch(TaskRequest.of("ok", "late", PROJECT).after(gatekeeper));
        assertThat(state(afterTheFact)).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void cancelsAQueuedTaskBeforeItStartsAndARunningOneThroughItsContext() throws Exception {
        var started = new CountDownLatch(1);
        orchestrator = orchestrator(1, Map.of("long", context -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException interrupted) {
                assertThat(context.isCancelled()).isTrue();
                return TaskOutcome.succeeded("stopped early");
            }
            return TaskOutcome.succeeded("slept");
        }));
        var running = orchestrator.dispatch(TaskRequest.of("long", "sleep", PROJECT));
        var queued = orchestrator.dispatch(TaskRequest.of("long", "sleep too", PROJECT));
        var dependent = orchestrator.dispatch(TaskRequest.of("long", "after", PROJECT).after(queued));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(orchestrator.cancel(queued)).isTrue();
        assertThat(state(queued)).isEqualTo(TaskState.CANCELLED);
        assertThat(state(dependent)).isEqualTo(TaskState.SKIPPED);
        assertThat(orchestrator.cancel(running)).isTrue();

        waitUntil(() -> state(running) == TaskState.CANCELLED);
        assertThat(orchestrator.status(running).orElseThrow().error()).isEqualTo("Cancelled while it ran");
        assertThat(orchestrator.cancel(running)).isFalse();
        assertThat(orchestrator.cancel(new TaskId("no-such-task"))).isFalse();
    }

    @Test
    void warnsBothTasksWhenTwoRunningTasksClaimTheSameFile() throws Exception {
        var bothClaimed = new CountDownLatch(2);
        var conflicts = new ConcurrentHashMap<String, Optional<TaskId>>();
        orchestrator = orchestrator(2, Map.of("edit", context -> {
            conflicts.put(context.request().goal(), context.claim(Path.of("src/app.py")));
            context.claim(Path.of("src/" + context.request().goal() + ".py"));
            bothClaimed.countDown();
            bothClaimed.await();
            return TaskOutcome.succeeded("edited");
        }));
        var first = orchestrator.dispatch(TaskRequest.of("edit", "one", PROJECT));
        var second = orchestrator.dispatch(TaskRequest.of("edit", "two", PROJECT));

        waitUntil(() -> state(first).isFinal() && state(second).isFinal());
        assertThat(conflicts.values()).filteredOn(Optional::isPresent).hasSize(1);
        for (var id : List.of(first, second)) {
            assertThat(orchestrator.status(id).orElseThrow().warnings()).singleElement()
                .satisfies(warning -> assertThat(warning).contains(first.value(), second.value(), "src/app.py"));
        }
    }

    @Test
    void recordsStepsAndTokensAndListsNewestFirst() {
        orchestrator = orchestrator(1, Map.of("talk", context -> {
            context.recordStep("model", "", "", "{\"tool\":\"read_file\"}", 120, 40);
            context.recordStep("tool", "read_file", "{\"path\":\"a.py\"}", "print(1)", 2, 0);
            return TaskOutcome.succeeded("answered");
        }));
        var older = orchestrator.dispatch(TaskRequest.of("talk", "first", PROJECT));
        waitUntil(() -> state(older) == TaskState.SUCCEEDED);
        var newer = orchestrator.dispatch(TaskRequest.of("talk", "second", PROJECT));
        waitUntil(() -> state(newer) == TaskState.SUCCEEDED);

        assertThat(orchestrator.steps(older)).extracting(TaskStep::index, TaskStep::kind, TaskStep::tool)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "model", ""),
                org.assertj.core.groups.Tuple.tuple(1, "tool", "read_file"));
        assertThat(orchestrator.status(older).orElseThrow().tokens()).isEqualTo(40);
        assertThat(orchestrator.list(Optional.empty(), 10)).extracting(TaskStatus::id).containsExactly(newer, older);
        assertThat(orchestrator.list(Optional.of(TaskState.FAILED), 10)).isEmpty();
    }

    @Test
    void refusesUnknownAgentsAndDependenciesAndTreatsAThrowingOrSilentAgentAsAFailure() {
        orchestrator = orchestrator(1, Map.of("silent", context -> null, "crash", context -> {
            throw new AssertionError();
        }));

        assertThatThrownBy(() -> orchestrator.dispatch(TaskRequest.of("poet", "rhyme", PROJECT)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("No agent named 'poet'; the agents are crash, silent");
        assertThatThrownBy(() -> orchestrator.dispatch(TaskRequest.of("silent", "x", PROJECT)
            .after(new TaskId("task-missing")))).hasMessageContaining("task-missing").hasMessageContaining("does not exist");
        var silent = orchestrator.dispatch(TaskRequest.of("silent", "x", PROJECT));
        var crash = orchestrator.dispatch(TaskRequest.of("crash", "y", PROJECT));
        waitUntil(() -> state(silent).isFinal() && state(crash).isFinal());
        assertThat(orchestrator.status(silent).orElseThrow().error()).isEqualTo("The silent agent returned no outcome");
        assertThat(orchestrator.status(crash).orElseThrow().error()).isEqualTo("AssertionError");
        assertThatThrownBy(() -> new Orchestrator(Map.of(), store, 0, Clock.systemUTC()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskRequest.of("x", "y", PROJECT).withRetries(11))
            .hasMessageContaining("maxRetries must be 0 to 10");
    }

    @Test
    void shutdownCancelsWhatIsLeftAndRefusesNewTasks() {
        orchestrator = orchestrator(1, Map.of("wait", context -> {
            gate.await();
            return TaskOutcome.succeeded("done");
        }));
        var running = orchestrator.dispatch(TaskRequest.of("wait", "a", PROJECT));
        var queued = orchestrator.dispatch(TaskRequest.of("wait", "b", PROJECT));
        waitUntil(() -> state(running) == TaskState.RUNNING);

        orchestrator.shutdown(5_000);

        assertThat(state(running)).isEqualTo(TaskState.CANCELLED);
        assertThat(state(queued)).isEqualTo(TaskState.CANCELLED);
        assertThatThrownBy(() -> orchestrator.dispatch(TaskRequest.of("wait", "c", PROJECT)))
            .isInstanceOf(IllegalStateException.class);
    }

    private Orchestrator orchestrator(int parallelism, Map<String, AgentWorker> agents) {
        return new Orchestrator(agents, store, parallelism, Clock.systemUTC());
    }

    private TaskState state(TaskId id) {
        return orchestrator.status(id).orElseThrow().state();
    }

    static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within 10 s");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
