package dev.cyberdevstudio.engine.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.engine.store.StoreOpening;
import dev.cyberdevstudio.engine.store.StudioStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks and steps in the studio's H2 database, migrated by {@link StudioStore} (which proves V5 applies). */
class DatabaseTaskStoreTest {

    @TempDir
    Path data;

    @Test
    void keepsTasksAndStepsAcrossARestartAndMarksWhatWasLeftRunning() {
        var home = new StudioHome(data);
        TaskId done;
        TaskId stuck;
        try (var store = open(home)) {
            var orchestrator = new Orchestrator(Map.of("answer", context -> {
                context.recordStep("model", "", "", "x".repeat(TaskStep.MAX_TEXT + 10), 300, 25);
                context.recordStep("tool", "read_file", "{\"path\":\"a.py\"}", "print(1)", 3, 0);
                return TaskOutcome.succeeded("All good");
            }, "hang", context -> {
                Thread.sleep(60_000);
                return TaskOutcome.succeeded("never");
            }), store.taskStore(), 2, Clock.systemUTC());
            done = orchestrator.dispatch(new TaskRequest("answer", "Explain the build", "/p", Priority.P0,
                List.of(), 2, Map.of("file", "build.py", "line", "12")));
            OrchestratorTest.waitUntil(() -> orchestrator.status(done).orElseThrow().state() == TaskState.SUCCEEDED);
            stuck = orchestrator.dispatch(TaskRequest.of("hang", "Wait forever", "/p").after(done));
            var stuckId = stuck;
            OrchestratorTest.waitUntil(() -> orchestrator.status(stuckId).orElseThrow().state() == TaskState.RUNNING);
            // The studio "stops" here: the store closes without the orchestrator finishing.
        }

        try (var store = open(home)) {
            var tasks = store.taskStore();
            assertThat(tasks.abandonUnfinished("The studio stopped while the task ran")).isEqualTo(1);
            var kept = tasks.find(done).orElseThrow();
            assertThat(kept.state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(kept.summary()).isEqualTo("All good");
            assertThat(kept.tokens()).isEqualTo(25);
            assertThat(kept.request().priority()).isEqualTo(Priority.P0);
            assertThat(kept.request().maxRetries()).isEqualTo(2);
            assertThat(kept.request().parameters()).containsEntry("file", "build.py").containsEntry("line", "12");
            assertThat(kept.startedAt()).isPresent();
            assertThat(kept.finishedAt()).isPresent();
            var abandoned = tasks.find(stuck).orElseThrow();
            assertThat(abandoned.state()).isEqualTo(TaskState.FAILED);
            assertThat(abandoned.error()).isEqualTo("The studio stopped while the task ran");
            assertThat(abandoned.request().dependsOn()).containsExactly(done);
            assertThat(tasks.list(Optional.empty(), 10)).extracting(TaskStatus::id).containsExactly(stuck, done);
            assertThat(tasks.list(Optional.of(TaskState.SUCCEEDED), 10)).extracting(TaskStatus::id)
                .containsExactly(done);
            var steps = tasks.steps(done);
            assertThat(steps).extracting(TaskStep::tool).containsExactly("", "read_file");
            assertThat(steps.getFirst().result()).endsWith("(10 more characters not kept)");
            assertThat(tasks.find(new TaskId("task-unknown"))).isEmpty();
        }
    }

    @Test
    void storesTheLatestStateOfManyQuickChangesAndKeepsTimestampsToTheMicrosecond() {
        try (var store = open(new StudioHome(data))) {
            var tasks = store.taskStore();
            var created = Instant.parse("2026-11-22T10:15:30.123456Z");
            var request = TaskRequest.of("test", "Run", "/p");
            for (int i = 0; i < 2_000; i++) {
                var id = new TaskId("t-" + i);
                tasks.save(new TaskStatus(id, request, TaskState.QUEUED, 0, created, Optional.empty(),
                    Optional.empty(), "", "", 0, List.of()));
                tasks.save(new TaskStatus(id, request, TaskState.SUCCEEDED, 1, created, Optional.of(created),
                    Optional.of(created.plus(1, ChronoUnit.SECONDS)), "ok " + i, "", i, List.of("warned")));
            }
            tasks.flush();

            assertThat(tasks.list(Optional.of(TaskState.SUCCEEDED), 5_000)).hasSize(2_000);
            var last = tasks.find(new TaskId("t-1999")).orElseThrow();
            assertThat(last.summary()).isEqualTo("ok 1999");
            assertThat(last.warnings()).containsExactly("warned");
            assertThat(last.createdAt()).isEqualTo(created);
            assertThat(tasks.list(Optional.empty(), 1)).extracting(TaskStatus::id)
                .containsExactly(new TaskId("t-1999"));
        }
    }

    @Test
    void refusesSavesAfterClosing() {
        var store = open(new StudioHome(data));
        var tasks = store.taskStore();
        store.close();

        assertThatThrownBy(() -> tasks.save(new TaskStep(new TaskId("t"), 0, 1, "note", "", "", "", 0, 0,
            Instant.now()))).isInstanceOf(EngineException.class).hasMessageContaining("closed");
    }

    private static StudioStore open(StudioHome home) {
        return ((StoreOpening.Opened) StudioStore.open(home)).store();
    }
}
